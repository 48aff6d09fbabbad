using Xunit;

namespace CpaasGen.Generator.Tests.RealWorld;

/// <summary>What real-world documents write that the house style did not: inline schemas, compositions, names, bodies.</summary>
public class ShapesTests
{
    private static GeneratorResult RunClean(string spec)
    {
        var result = GeneratorHarness.Run(spec);
        DiagnosticAssert.GeneratorDidNotThrow(result);
        Assert.True(result.GeneratorDiagnostics.IsEmpty, GeneratorHarness.Describe(result.GeneratorDiagnostics));
        DiagnosticAssert.OutputCompiles(result);
        return result;
    }

    [Fact]
    public void InlineSchemasGetStableNamesFromWhereTheySit()
    {
        var result = RunClean("""
            openapi: 3.0.3
            info: { title: T, version: 1.0.0 }
            paths:
              /pets:
                post:
                  operationId: createPet
                  tags: [Pets]
                  requestBody:
                    content:
                      application/json:
                        schema: { type: object, properties: { name: { type: string } } }
                  responses:
                    '201':
                      description: Created.
                      content:
                        application/json:
                          schema: { type: object, properties: { id: { type: string } } }
                    '404': { $ref: '#/components/responses/NotFound' }
            components:
              responses:
                NotFound:
                  description: Not found.
                  content:
                    application/json:
                      schema: { type: object, properties: { message: { type: string } } }
              schemas:
                Pet:
                  type: object
                  properties:
                    owner: { type: object, properties: { name: { type: string } } }
                    toys: { type: array, items: { type: object, properties: { kind: { type: string, enum: [ball, rope] } } } }
            """);

        Assert.Contains("CreatePetAsync(global::T.CreatePetRequest? body = null, ", result.Source("T.PetsClient.g.cs"));
        Assert.Contains("global::System.Threading.Tasks.Task<global::T.CreatePetResponse>", result.Source("T.PetsClient.g.cs"));
        Assert.Contains("[\"404\"] = global::T.NotFoundResponse.CreateFromDiscriminatorValue,", result.Source("T.PetsClient.g.cs"));
        Assert.Contains("public global::T.PetOwner? Owner { get; set; }", result.Source("T.Pet.g.cs"));
        Assert.Contains("public global::System.Collections.Generic.List<global::T.PetToysItem>? Toys { get; set; }", result.Source("T.Pet.g.cs"));
        Assert.Contains("public global::T.PetToysItemKind? Kind { get; set; }", result.Source("T.PetToysItem.g.cs"));
    }

    [Fact]
    public void CompositionsBecomeHierarchiesOrMergedModelsAndNullablePatternsAreUnderstood()
    {
        var result = RunClean("""
            openapi: 3.1.0
            info: { title: T, version: 1.0.0 }
            paths: {}
            components:
              schemas:
                Animal:
                  type: object
                  required: [name]
                  properties:
                    name: { type: string }
                    kind: { type: string }
                Dog:
                  allOf:
                    - $ref: '#/components/schemas/Animal'
                    - type: object
                      properties:
                        barks: { type: boolean }
                Cat:
                  allOf:
                    - $ref: '#/components/schemas/Animal'
                    - { type: object, properties: { lives: { type: integer } } }
                Pet:
                  oneOf:
                    - $ref: '#/components/schemas/Dog'
                    - $ref: '#/components/schemas/Cat'
                  discriminator:
                    propertyName: kind
                    mapping: { dog: '#/components/schemas/Dog', cat: '#/components/schemas/Cat' }
                Owner:
                  type: object
                  properties:
                    pet:
                      oneOf:
                        - $ref: '#/components/schemas/Pet'
                        - type: 'null'
                    nickname: { type: [string, 'null'] }
                    friend: { type: [object, 'null'], properties: { name: { type: string } } }
                    contact:
                      anyOf:
                        - { type: object, properties: { email: { type: string } } }
                        - { type: object, properties: { phone: { type: string } } }
            """);

        // allOf with a $ref is inheritance; the discriminated oneOf sits between the alternatives and their shared base.
        var animal = result.Source("T.Animal.g.cs");
        Assert.Contains("public required string Name { get; set; }", animal);
        Assert.Contains("public string? Kind { get; set; }", animal);
        var pet = result.Source("T.Pet.g.cs");
        Assert.Contains("public partial class Pet : global::T.Animal", pet);
        Assert.Contains("if (string.Equals(discriminator, \"dog\", global::System.StringComparison.OrdinalIgnoreCase)) return new global::T.Dog(true);", pet);
        Assert.DoesNotContain("Barks", pet);
        var dog = result.Source("T.Dog.g.cs");
        Assert.Contains("public partial class Dog : global::T.Pet", dog);
        Assert.Contains("Kind = \"dog\";", dog); // a new Dog says what it is
        Assert.Contains("public bool? Barks { get; set; }", dog);
        Assert.DoesNotContain("public required string Name", dog); // inherited, not declared again
        var owner = result.Source("T.Owner.g.cs");
        Assert.Contains("public global::T.Pet? Pet { get; set; }", owner);
        var contact = result.Source("T.OwnerContact.g.cs"); // objects without a discriminator: one model, every member optional
        Assert.Contains("public string? Email { get; set; }", contact);
        Assert.Contains("public string? Phone { get; set; }", contact);
        Assert.Contains("public string? Nickname { get; set; }", owner);
        Assert.Contains("public global::T.OwnerFriend? Friend { get; set; }", owner);
    }

    [Fact]
    public void OperationsWithoutOperationIdOrTagsGetNamesFromMethodAndPath()
    {
        var result = RunClean("""
            openapi: 3.0.3
            info: { title: T, version: 1.0.0 }
            paths:
              /api/v1/pets/{petId}/toys:
                get:
                  parameters: [{ name: petId, in: path, required: true, schema: { type: string } }]
                  responses: { '204': { description: x } }
              /api/v1/stores:
                get:
                  responses: { '204': { description: x } }
            """);

        Assert.Contains("GetPetsByPetIdToysAsync(string petId, ", result.Source("T.PetsClient.g.cs"));
        Assert.Contains("GetStoresAsync(", result.Source("T.StoresClient.g.cs"));
    }

    [Fact]
    public void NonObjectBodiesAreListsScalarsUntypedJsonStringsAndStreams()
    {
        var result = RunClean("""
            openapi: 3.0.3
            info: { title: T, version: 1.0.0 }
            paths:
              /numbers:
                put:
                  operationId: putNumbers
                  tags: [Files]
                  requestBody:
                    required: true
                    content: { application/json: { schema: { type: array, items: { type: integer } } } }
                  responses:
                    '200': { description: x, content: { application/json: { schema: { type: array, items: { type: array, items: { type: number } } } } } }
              /count:
                get:
                  operationId: count
                  tags: [Files]
                  responses:
                    '200': { description: x, content: { application/json: { schema: { type: integer, format: int64 } } } }
              /map:
                get:
                  operationId: getMap
                  tags: [Files]
                  responses:
                    '200': { description: x, content: { application/json: { schema: { type: object, additionalProperties: { type: string } } } } }
              /files:
                post:
                  operationId: upload
                  tags: [Files]
                  requestBody:
                    content:
                      multipart/form-data:
                        schema: { type: object, properties: { file: { type: string, format: binary } } }
                  responses:
                    '200': { description: x, content: { image/png: { schema: { type: string, format: binary } } } }
                    '202': { description: x, content: { application/json: { schema: { type: object, properties: { id: { type: string } } } } } }
            """);

        var client = result.Source("T.FilesClient.g.cs");
        Assert.Contains("Task<global::System.Collections.Generic.List<global::Microsoft.Kiota.Abstractions.Serialization.UntypedNode>> PutNumbersAsync(global::System.Collections.Generic.List<int> body, ", client);
        Assert.Contains("Task<long> CountAsync(", client);
        Assert.Contains("Task<global::Microsoft.Kiota.Abstractions.Serialization.UntypedNode> GetMapAsync(", client);
        Assert.Contains("Task<global::System.IO.Stream> UploadAsync(global::System.IO.Stream? body = null, string bodyContentType = \"multipart/form-data\", ", client);
    }

    [Fact]
    public void IncludeExcludeAndOverlayNamesApplyToADocumentYouDoNotOwn()
    {
        const string Spec = """
            openapi: 3.0.3
            info: { title: T, version: 1.0.0 }
            paths:
              /pets:
                get: { operationId: list_pets_v2, tags: [Pets], responses: { '204': { description: x } } }
                delete: { operationId: deleteAll, tags: [Pets], responses: { '204': { description: x } } }
              /admin:
                get: { operationId: audit, tags: [Admin], responses: { '204': { description: x } } }
            components:
              schemas:
                pet_record_v2: { type: object, properties: { owner_name: { type: string } } }
            """;
        const string Overlay = """
            exclude: [deleteAll]
            names:
              list_pets_v2: ListPets
              '#/components/schemas/pet_record_v2': Pet
              '#/components/schemas/pet_record_v2/properties/owner_name': Owner
            """;
        var metadata = new System.Collections.Generic.Dictionary<string, string> { ["CpaasGenExclude"] = "tag:Admin", ["CpaasGenOverlay"] = "pets.cpaasgen.yaml" };

        var result = GeneratorHarness.Run(Spec, metadata: metadata, extraFiles: new InMemoryAdditionalText("/specs/pets.cpaasgen.yaml", Overlay));

        DiagnosticAssert.GeneratorDidNotThrow(result);
        Assert.True(result.GeneratorDiagnostics.IsEmpty, GeneratorHarness.Describe(result.GeneratorDiagnostics));
        var client = result.Source("T.PetsClient.g.cs");
        Assert.Contains("ListPetsAsync(", client);
        Assert.DoesNotContain("DeleteAllAsync", client);
        Assert.False(result.HasSource("T.AdminClient.g.cs"));
        Assert.Contains("public string? Owner { get; set; }", result.Source("T.Pet.g.cs"));
        DiagnosticAssert.OutputCompiles(result);
    }
}
