using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CpaasGen.Generator.Tests;

/// <summary>Malformed operations: each is reported at its exact position, skipped, and the rest of the spec still generates.</summary>
public partial class DiagnosticTests
{
    [Fact]
    public void OperationWithoutResponsesIsCpgen004AtTheOperation()
    {
        const string Spec = """
            openapi: 3.0.3
            info:
              title: Ops
              version: 1.0.0
            paths:
              /pets:
                get:
                  operationId: listPets
                  tags: [Pets]
            """;

        var (result, diagnostic) = DiagnosticAssert.RunSingle(Spec);

        // line 7, column 6: a block mapping starts at its first key.
        DiagnosticAssert.Matches(
            diagnostic, Spec, "CPGEN004", DiagnosticSeverity.Error, "#/paths/~1pets/get", 7, 6,
            "operationId:", "required member 'responses' is missing");
        Assert.False(result.HasSource("Ops.PetsClient.g.cs"));
        DiagnosticAssert.OutputCompiles(result);
    }

    [Fact]
    public void ParameterWithoutInIsCpgen004AtTheParameter()
    {
        const string Spec = """
            openapi: 3.0.3
            info:
              title: Ops
              version: 1.0.0
            paths:
              /pets:
                get:
                  operationId: listPets
                  tags: [Pets]
                  parameters:
                    - name: limit
                      schema: { type: integer }
                  responses:
                    '204':
                      description: Nothing.
            """;

        var (_, diagnostic) = DiagnosticAssert.RunSingle(Spec);

        // line 10, column 10: the parameter mapping starts after "- ".
        DiagnosticAssert.Matches(
            diagnostic, Spec, "CPGEN004", DiagnosticSeverity.Error, "#/paths/~1pets/get/parameters/0", 10, 10,
            "name: limit", "required member 'in' is missing");
    }

    [Fact]
    public void DuplicateOperationIdIsCpgen005AtTheSecondIdAndTheFirstOperationSurvives()
    {
        const string Spec = """
            openapi: 3.0.3
            info:
              title: Ops
              version: 1.0.0
            paths:
              /pets:
                get:
                  operationId: listPets
                  tags: [Pets]
                  responses:
                    '204':
                      description: Nothing.
              /animals:
                get:
                  operationId: listPets
                  tags: [Pets]
                  responses:
                    '204':
                      description: Nothing.
            """;

        var (result, diagnostic) = DiagnosticAssert.RunSingle(Spec);

        // line 14, column 19: the second "listPets".
        DiagnosticAssert.Matches(
            diagnostic, Spec, "CPGEN005", DiagnosticSeverity.Error, "#/paths/~1animals/get/operationId", 14, 19,
            "listPets", "operationId 'listPets' is already used at #/paths/~1pets/get");
        var client = result.Source("Ops.PetsClient.g.cs");
        Assert.Contains("\"{+baseurl}/pets\"", client);
        Assert.DoesNotContain("/animals", client);
        DiagnosticAssert.OutputCompiles(result);
    }

    [Fact]
    public void BodyParameterIsCpgen006AtTheLocation()
    {
        const string Spec = """
            openapi: 3.0.3
            info:
              title: Ops
              version: 1.0.0
            paths:
              /pets:
                post:
                  operationId: addPet
                  tags: [Pets]
                  parameters:
                    - name: pet
                      in: body
                      schema: { type: string }
                  responses:
                    '204':
                      description: Added.
            """;

        var (_, diagnostic) = DiagnosticAssert.RunSingle(Spec);

        // line 11, column 14: "body".
        DiagnosticAssert.Matches(
            diagnostic, Spec, "CPGEN006", DiagnosticSeverity.Error, "#/paths/~1pets/post/parameters/0/in", 11, 14,
            "body", "parameter 'pet' has location 'body'");
    }

    [Fact]
    public void TemplateVariableWithoutParameterIsCpgen007AtTheOperation()
    {
        const string Spec = """
            openapi: 3.0.3
            info:
              title: Ops
              version: 1.0.0
            paths:
              /pets/{petId}:
                get:
                  operationId: getPet
                  tags: [Pets]
                  responses:
                    '204':
                      description: Found.
            """;

        var (_, diagnostic) = DiagnosticAssert.RunSingle(Spec);

        DiagnosticAssert.Matches(
            diagnostic, Spec, "CPGEN007", DiagnosticSeverity.Error, "#/paths/~1pets~1{petId}/get", 7, 6,
            "operationId: getPet", "the path template variable '{petId}' has no path parameter");
    }

    [Fact]
    public void PathParameterMissingFromTheTemplateIsCpgen007AtTheOperation()
    {
        const string Spec = """
            openapi: 3.0.3
            info:
              title: Ops
              version: 1.0.0
            paths:
              /pets:
                get:
                  operationId: getPet
                  tags: [Pets]
                  parameters:
                    - name: petId
                      in: path
                      required: true
                      schema: { type: string }
                  responses:
                    '204':
                      description: Found.
            """;

        var (_, diagnostic) = DiagnosticAssert.RunSingle(Spec);

        DiagnosticAssert.Matches(
            diagnostic, Spec, "CPGEN007", DiagnosticSeverity.Error, "#/paths/~1pets/get", 7, 6,
            "operationId: getPet", "the path parameter 'petId' does not appear in the path '/pets'");
    }

    [Fact]
    public void ContentKeyThatIsNotAMediaTypeIsCpgen011AtTheKey()
    {
        // text/plain, XML, images and multipart are generated (strings and streams); a key that is no media type is not.
        const string Spec = """
            openapi: 3.0.3
            info:
              title: Notes
              version: 1.0.0
            paths:
              /notes:
                post:
                  operationId: addNote
                  tags: [Notes]
                  requestBody:
                    content:
                      json:
                        schema: { type: string }
                  responses:
                    '204':
                      description: Stored.
            """;

        var (_, diagnostic) = DiagnosticAssert.RunSingle(Spec);

        // line 11, column 10: the media type key.
        DiagnosticAssert.Matches(
            diagnostic, Spec, "CPGEN011", DiagnosticSeverity.Error, "#/paths/~1notes/post/requestBody/content/json", 11, 10,
            "json:", "media type 'json' is not supported");
    }

    [Fact]
    public void PlainTextRequestBodyAndXmlResponseAreAStringInAndAStreamOut()
    {
        const string Spec = """
            openapi: 3.0.3
            info:
              title: Notebook
              version: 1.0.0
            paths:
              /notes/{id}:
                put:
                  operationId: putNote
                  tags: [Notes]
                  parameters:
                    - { name: id, in: path, required: true, schema: { type: string } }
                  requestBody:
                    required: true
                    content:
                      text/plain:
                        schema: { type: string }
                  responses:
                    '200':
                      description: The note.
                      content:
                        application/xml:
                          schema: { $ref: '#/components/schemas/Note' }
            components:
              schemas:
                Note:
                  type: object
                  properties:
                    text: { type: string }
            """;

        var result = GeneratorHarness.Run(Spec);

        DiagnosticAssert.GeneratorDidNotThrow(result);
        Assert.Empty(result.GeneratorDiagnostics);
        var client = result.Source("Notebook.NotesClient.g.cs");
        Assert.Contains("public virtual async global::System.Threading.Tasks.Task<global::System.IO.Stream> PutNoteAsync(string id, string body, global::System.Threading.CancellationToken cancellationToken = default)", client);
        Assert.Contains("requestInfo.SetStreamContent(global::Notebook.GeneratedValues.TextStream(body), \"text/plain\");", client);
        Assert.Contains("requestInfo.Headers.TryAdd(\"Accept\", \"application/xml\");", client);
        Assert.True(result.HasSource("Notebook.Note.g.cs"));
        DiagnosticAssert.OutputCompiles(result);
    }

    [Fact]
    public void InvalidOperationCSharpNameIsCpgen012AndTheOperationIdIsUsed()
    {
        const string Spec = """
            openapi: 3.0.3
            info:
              title: Ops
              version: 1.0.0
            paths:
              /pets:
                get:
                  operationId: listPets
                  x-csharp-name: list pets
                  tags: [Pets]
                  responses:
                    '204':
                      description: Nothing.
            """;

        var (result, diagnostic) = DiagnosticAssert.RunSingle(Spec);

        // line 8, column 21: "list pets".
        DiagnosticAssert.Matches(
            diagnostic, Spec, "CPGEN012", DiagnosticSeverity.Error, "#/paths/~1pets/get/x-csharp-name", 8, 21,
            "list pets", "found 'list pets'");
        Assert.Contains("ListPetsAsync(", result.Source("Ops.PetsClient.g.cs"));
        DiagnosticAssert.OutputCompiles(result);
    }

    [Fact]
    public void BadOperationsAreSkippedAndEverythingElseStillGenerates()
    {
        const string Spec = """
            openapi: 3.0.3
            info:
              title: Zoo
              version: 1.0.0
            paths:
              /pets:
                get:
                  operationId: listPets
                  tags: [Pets]
                  responses:
                    '200':
                      description: The pets.
                      content:
                        application/json:
                          schema: { $ref: '#/components/schemas/PetPage' }
                post:
                  operationId: addPet
                  tags: [Pets]
                  parameters:
                    - { name: pet, in: body, schema: { type: string } }
                  responses:
                    '204':
                      description: Added.
              /pets/{petId}:
                get:
                  operationId: getPet
                  tags: [Pets]
                  parameters:
                    - { name: petId, in: path, required: true, schema: { type: string } }
                  responses:
                    '200':
                      description: The pet.
                      content:
                        application/json:
                          schema: { $ref: '#/components/schemas/Pett' }
                delete:
                  operationId: removePet
                  tags: [Pets]
                  parameters:
                    - { name: petId, in: path, required: true, schema: { type: string } }
                  responses:
                    '204':
                      description: Removed.
              /keepers:
                get:
                  operationId: listKeepers
                  tags: [Keepers]
            components:
              schemas:
                PetPage:
                  type: object
                  properties:
                    names: { type: array, items: { type: string } }
            """;

        var result = GeneratorHarness.Run(Spec);

        DiagnosticAssert.GeneratorDidNotThrow(result);
        var diagnostics = result.GeneratorDiagnostics.OrderBy(d => d.Location.SourceSpan.Start).ToList();
        Assert.Equal(new[] { "CPGEN006", "CPGEN002", "CPGEN004" }, diagnostics.Select(d => d.Id));
        DiagnosticAssert.Matches(diagnostics[0], Spec, "CPGEN006", DiagnosticSeverity.Error, "#/paths/~1pets/post/parameters/0/in", 19, 27, "body");
        DiagnosticAssert.Matches(diagnostics[1], Spec, "CPGEN002", DiagnosticSeverity.Error, "#/paths/~1pets~1{petId}/get/responses/200/content/application~1json/schema/$ref", 34, 30, "'#/components/schemas/Pett'");
        DiagnosticAssert.Matches(diagnostics[2], Spec, "CPGEN004", DiagnosticSeverity.Error, "#/paths/~1keepers/get", 45, 6, "operationId: listKeepers");

        // The good operations, their models and the root client are all there; the bad ones are not.
        var client = result.Source("Zoo.PetsClient.g.cs");
        Assert.Contains("ListPetsAsync(", client);
        Assert.Contains("RemovePetAsync(", client);
        Assert.DoesNotContain("AddPetAsync", client);
        Assert.DoesNotContain("GetPetAsync", client);
        Assert.False(result.HasSource("Zoo.KeepersClient.g.cs"));
        Assert.True(result.HasSource("Zoo.PetPage.g.cs"));
        Assert.Contains("public global::Zoo.PetsClient Pets { get; }", result.Source("Zoo.ZooClient.g.cs"));
        DiagnosticAssert.OutputCompiles(result);
    }

    [Fact]
    public void SkipAndWarnModeReportsWarningsAndNamesEachSkippedOperationCpgen013()
    {
        const string Spec = """
            openapi: 3.0.3
            info:
              title: Ops
              version: 1.0.0
            paths:
              /pets:
                get:
                  operationId: listPets
                  tags: [Pets]
                  responses:
                    '204':
                      description: Listed.
              /pets/{petId}:
                get:
                  operationId: getPet
                  tags: [Pets]
                  parameters:
                    - { name: petId, in: body, schema: { type: string } }
                  responses:
                    '204':
                      description: Found.
            """;

        var strict = GeneratorHarness.Run(Spec);
        var lenient = GeneratorHarness.Run(Spec, metadata: new System.Collections.Generic.Dictionary<string, string> { ["CpaasGenMode"] = "lenient" });

        DiagnosticAssert.GeneratorDidNotThrow(lenient);
        Assert.Contains(strict.GeneratorDiagnostics, d => d.Id == "CPGEN006" && d.Severity == DiagnosticSeverity.Error);
        Assert.All(lenient.GeneratorDiagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        var skipped = Assert.Single(lenient.GeneratorDiagnostics, d => d.Id == "CPGEN013");
        DiagnosticAssert.Matches(skipped, Spec, "CPGEN013", DiagnosticSeverity.Warning, "#/paths/~1pets~1{petId}/get", 14, 6, "operationId: getPet", "GET /pets/{petId} was not generated");
        Assert.Contains("ListPetsAsync(", lenient.Source("Ops.PetsClient.g.cs"));
        DiagnosticAssert.OutputCompiles(lenient);
    }
}
