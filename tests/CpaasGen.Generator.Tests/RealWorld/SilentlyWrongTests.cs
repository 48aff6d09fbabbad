using System;
using System.Linq;
using Xunit;

namespace CpaasGen.Generator.Tests.RealWorld;

/// <summary>
/// What the generator used to get silently wrong (issue 16), each pinned by a test that failed on the old generator.
/// </summary>
public class SilentlyWrongTests
{
    private static GeneratorResult Run(string spec)
    {
        var result = GeneratorHarness.Run(spec);
        DiagnosticAssert.GeneratorDidNotThrow(result);
        return result;
    }

    [Fact]
    public void IntegerFormatsAndStringFormatsGetTheirOwnTypes()
    {
        const string Spec = """
            openapi: 3.0.3
            info: { title: T, version: 1.0.0 }
            paths: {}
            components:
              schemas:
                Sample:
                  type: object
                  properties:
                    big: { type: integer, format: uint64 }
                    small: { type: integer, format: int8 }
                    octet: { type: integer, format: uint8 }
                    counter: { type: integer, format: uint32 }
                    day: { type: string, format: date }
                    clock: { type: string, format: time }
                    span: { type: string, format: duration }
                    blob: { type: string, format: byte }
            """;

        var result = Run(Spec);

        Assert.Empty(result.GeneratorDiagnostics);
        var model = result.Source("T.Sample.g.cs");
        Assert.Contains("public decimal? Big { get; set; }", model);
        Assert.Contains("public sbyte? Small { get; set; }", model);
        Assert.Contains("public byte? Octet { get; set; }", model);
        Assert.Contains("public long? Counter { get; set; }", model);
        Assert.Contains("public global::Microsoft.Kiota.Abstractions.Date? Day { get; set; }", model);
        Assert.Contains("public global::Microsoft.Kiota.Abstractions.Time? Clock { get; set; }", model);
        Assert.Contains("public global::System.TimeSpan? Span { get; set; }", model);
        Assert.Contains("public byte[]? Blob { get; set; }", model);
        DiagnosticAssert.OutputCompiles(result);
    }

    [Fact]
    public void DefaultAsTheOnlyResponseIsTheSuccessBody()
    {
        const string Spec = """
            openapi: 3.0.3
            info: { title: T, version: 1.0.0 }
            paths:
              /pets:
                get:
                  operationId: listPets
                  tags: [Pets]
                  responses:
                    default:
                      description: The pets.
                      content:
                        application/json:
                          schema: { $ref: '#/components/schemas/PetPage' }
            components:
              schemas:
                PetPage:
                  type: object
                  properties:
                    next: { type: string }
            """;

        var result = Run(Spec);

        Assert.Empty(result.GeneratorDiagnostics);
        var client = result.Source("T.PetsClient.g.cs");
        Assert.Contains("global::System.Threading.Tasks.Task<global::T.PetPage> ListPetsAsync(", client);
        Assert.DoesNotContain("ApiException, ", result.Source("T.PetPage.g.cs"));
        DiagnosticAssert.OutputCompiles(result);
    }

    [Fact]
    public void ASchemaUsedAsSuccessAndDefaultBodyIsNotAnExceptionAndErrorsThrowAWrapper()
    {
        const string Spec = """
            openapi: 3.0.3
            info: { title: T, version: 1.0.0 }
            paths:
              /status:
                get:
                  operationId: getStatus
                  tags: [Status]
                  responses:
                    '200':
                      description: The status.
                      content:
                        application/json:
                          schema: { $ref: '#/components/schemas/Status' }
                    default:
                      description: An error status.
                      content:
                        application/json:
                          schema: { $ref: '#/components/schemas/Status' }
            components:
              schemas:
                Status:
                  type: object
                  properties:
                    code: { type: integer }
                    message: { type: string }
            """;

        var result = Run(Spec);

        Assert.Empty(result.GeneratorDiagnostics);
        var model = result.Source("T.Status.g.cs");
        Assert.Contains("public partial class Status : global::Microsoft.Kiota.Abstractions.Serialization.IAdditionalDataHolder", model);
        Assert.Contains("public partial class StatusException : global::Microsoft.Kiota.Abstractions.ApiException", model);
        Assert.Contains("[\"XXX\"] = global::T.StatusException.CreateFromDiscriminatorValue,", result.Source("T.StatusClient.g.cs"));
        DiagnosticAssert.OutputCompiles(result);
    }

    [Fact]
    public void ReadOnlyRequiredMembersAreNotRequiredInRequestsAndNotWritten()
    {
        const string Spec = """
            openapi: 3.0.3
            info: { title: T, version: 1.0.0 }
            paths: {}
            components:
              schemas:
                Pet:
                  type: object
                  required: [id, name, password]
                  properties:
                    id: { type: string, readOnly: true }
                    name: { type: string }
                    password: { type: string, writeOnly: true }
            """;

        var result = Run(Spec);

        Assert.Empty(result.GeneratorDiagnostics);
        var model = result.Source("T.Pet.g.cs");
        Assert.Contains("public string? Id { get; set; }", model);
        Assert.Contains("public required string Name { get; set; }", model);
        Assert.Contains("public required string Password { get; set; }", model);
        Assert.DoesNotContain("writer.WriteStringValue(\"id\"", model);
        Assert.DoesNotContain("MissingRequired(\"Pet\", \"password\")", model); // a response never carries it
        Assert.Contains("MissingRequired(\"Pet\", \"name\")", model);
        DiagnosticAssert.OutputCompiles(result);
    }

    [Fact]
    public void DeprecatedRequiredMembersCompileWithoutCs9042()
    {
        const string Spec = """
            openapi: 3.0.3
            info: { title: T, version: 1.0.0 }
            paths: {}
            components:
              schemas:
                Pet:
                  type: object
                  required: [legacyId]
                  properties:
                    legacyId: { type: string, deprecated: true }
            """;

        var result = Run(Spec);

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Contains("Deprecated in the API description.", result.Source("T.Pet.g.cs"));
        DiagnosticAssert.OutputCompiles(result);
    }

    [Fact]
    public void RefsInsideExtensionsAreIgnored()
    {
        const string Spec = """
            openapi: 3.0.3
            info: { title: T, version: 1.0.0 }
            paths: {}
            x-vendor-tooling:
              template: { $ref: './templates/not-in-this-document.yaml' }
            components:
              schemas:
                Pet:
                  type: object
                  x-internal: { $ref: '#/components/schemas/Nowhere' }
                  properties:
                    name: { type: string }
            """;

        var result = Run(Spec);

        Assert.True(result.GeneratorDiagnostics.IsEmpty, GeneratorHarness.Describe(result.GeneratorDiagnostics));
        DiagnosticAssert.OutputCompiles(result);
    }

    [Fact]
    public void AnInlineEnumOnAPathParameterIsGeneratedWithoutASpuriousCpgen007()
    {
        const string Spec = """
            openapi: 3.0.3
            info: { title: T, version: 1.0.0 }
            paths:
              /pets/{kind}:
                get:
                  operationId: listPetsOfKind
                  tags: [Pets]
                  parameters:
                    - { name: kind, in: path, required: true, schema: { type: string, enum: [cat, dog] } }
                  responses:
                    '204': { description: Listed. }
            """;

        var result = Run(Spec);

        Assert.True(result.GeneratorDiagnostics.IsEmpty, GeneratorHarness.Describe(result.GeneratorDiagnostics));
        Assert.Contains("ListPetsOfKindAsync(global::T.ListPetsOfKindKind kind, ", result.Source("T.PetsClient.g.cs"));
        Assert.Contains("public static global::T.ListPetsOfKindKind Dog { get; }", result.Source("T.ListPetsOfKindKind.g.cs"));
        DiagnosticAssert.OutputCompiles(result);
    }

    [Fact]
    public void ServerVariablesGiveTheDefaultBaseUrlAndOperationServersTheirOwn()
    {
        const string Spec = """
            openapi: 3.0.3
            info: { title: T, version: 1.0.0 }
            servers:
              - url: 'https://{region}.api.example.com/{version}'
                variables:
                  region: { default: eu, enum: [eu, us] }
                  version: { default: v2 }
            paths:
              /pets:
                get:
                  operationId: listPets
                  tags: [Pets]
                  responses: { '204': { description: Listed. } }
              /uploads:
                servers: [{ url: 'https://uploads.example.com' }]
                post:
                  operationId: upload
                  tags: [Pets]
                  responses: { '204': { description: Stored. } }
            """;

        var result = Run(Spec);

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Contains("public const string DefaultBaseUrl = \"https://eu.api.example.com/v2\";", result.Source("T.TClient.g.cs"));
        var client = result.Source("T.PetsClient.g.cs");
        Assert.Contains("\"{+baseurl}/pets\"", client);
        Assert.Contains("\"https://uploads.example.com/uploads\"", client);
        DiagnosticAssert.OutputCompiles(result);
    }
}
