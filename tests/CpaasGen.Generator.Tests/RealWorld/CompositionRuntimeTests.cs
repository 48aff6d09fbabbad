using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;
using Xunit;

namespace CpaasGen.Generator.Tests.RealWorld;

/// <summary>
/// The composition fixture (Specs/composition) run for real: a derived instance read through its base type on both
/// paths (Kiota's parse nodes and the Utf8JsonReader fast path), the discriminator written on serialization, unknown
/// values kept, required members of a derived type checked. The fast path takes a <c>ref</c> struct, which reflection
/// cannot pass: a small probe class compiled with the generated code calls it.
/// </summary>
public class CompositionRuntimeTests : IClassFixture<CompositionRuntimeTests.Generated>
{
    private readonly Generated _generated;

    public CompositionRuntimeTests(Generated generated) => _generated = generated;

    public static IEnumerable<object[]> Polymorphic => new[]
    {
        new object[] { "Pet", """{"petType":"lion","name":"Leo","lives":9,"prideSize":5}""", "Lion" },
        new object[] { "Pet", """{"name":"Tom","petType":"CAT","lives":7,"indoor":true}""", "Cat" }, // values compare ignoring case
        new object[] { "Pet", """{"name":"Rex","toys":[{"x":[1,{"petType":"cat"}]}],"tricks":["sit"],"petType":"dog","barks":true}""", "Dog" }, // the discriminator after nested values
        new object[] { "Pet", """{"petType":"Hamster","name":"Ham"}""", "Hamster" }, // a derived schema that only references its base
        new object[] { "Cat", """{"petType":"lion","name":"Leo","lives":9}""", "Lion" }, // a derived type dispatches to its own derived types
        new object[] { "Shape", """{"side":2.5,"shapeType":"Square"}""", "Square" }, // no mapping: the schema name is the value
        new object[] { "Vehicle", """{"vehicleType":"bike","gears":21}""", "Bike" }, // a discriminated oneOf: its alternatives derive from it
        new object[] { "Timestamped", """{"text":"hello","createdAt":"2024-05-01T10:00:00Z"}""", "Timestamped" }, // no discriminator: no dispatch
    };

    [Theory]
    [MemberData(nameof(Polymorphic))]
    public void ADerivedInstanceIsReadThroughItsBaseTypeOnBothPaths(string baseType, string json, string expectedType)
    {
        var kiota = _generated.ParseWithKiota(baseType, json);
        var fast = _generated.ReadFast(baseType, json);

        Assert.Equal("PetClinic." + expectedType, kiota.GetType().FullName);
        Assert.Equal("PetClinic." + expectedType, fast.GetType().FullName);
        Assert.Equal(_generated.WriteFast(kiota), _generated.WriteFast(fast)); // the same members landed in the same places
    }

    [Fact]
    public void BaseAndDerivedMembersAreFilledAndUnknownMembersKept()
    {
        const string Json = """{"petType":"lion","name":"Leo","lives":9,"prideSize":5,"birthday":"2020-02-29","mane":"golden"}""";
        foreach (var lion in new[] { _generated.ParseWithKiota("Pet", Json), _generated.ReadFast("Pet", Json) })
        {
            Assert.Equal("Leo", Get(lion, "Name"));
            Assert.Equal("lion", Get(lion, "PetType")!.ToString());
            Assert.Equal(9, Get(lion, "Lives"));
            Assert.Equal(5, Get(lion, "PrideSize"));
            Assert.Equal("2020-02-29", Get(lion, "Birthday")!.ToString());
            Assert.Equal(new[] { "mane" }, ((IDictionary<string, object>)Get(lion, "AdditionalData")!).Keys.ToArray());
        }
    }

    [Fact]
    public void AnUnknownDiscriminatorValueReadsAsTheBaseAndKeepsItsValue()
    {
        const string Json = """{"petType":"parrot","name":"Polly","wings":2}""";
        foreach (var pet in new[] { _generated.ParseWithKiota("Pet", Json), _generated.ReadFast("Pet", Json) })
        {
            Assert.Equal("PetClinic.Pet", pet.GetType().FullName);
            Assert.Equal("parrot", Get(pet, "PetType")!.ToString());
            Assert.True(((IDictionary<string, object>)Get(pet, "AdditionalData")!).ContainsKey("wings"));
        }
    }

    [Fact]
    public void ANewDerivedInstanceSerializesItsDiscriminatorOnBothPaths()
    {
        var cat = _generated.Probe("NewCat")!;
        var car = _generated.Probe("NewCar")!;

        var fastCat = JsonDocument.Parse(_generated.WriteFast(cat)).RootElement;
        var kiotaCat = JsonDocument.Parse(WriteWithKiota(cat)).RootElement;
        var fastCar = JsonDocument.Parse(_generated.WriteFast(car)).RootElement;

        foreach (var json in new[] { fastCat, kiotaCat })
        {
            Assert.Equal("cat", json.GetProperty("petType").GetString());
            Assert.Equal("Tom", json.GetProperty("name").GetString());
            Assert.Equal(7, json.GetProperty("lives").GetInt32());
        }

        Assert.Equal("car", fastCar.GetProperty("vehicleType").GetString());
        Assert.Equal("PetClinic.Cat", _generated.ParseWithKiota("Pet", fastCat.GetRawText()).GetType().FullName); // round trip
        Assert.Equal("PetClinic.Car", _generated.ReadFast("Vehicle", fastCar.GetRawText()).GetType().FullName);
    }

    [Fact]
    public void AListOfBaseTypedValuesHoldsEachDerivedType()
    {
        const string Json = """[{"petType":"cat","name":"Tom","lives":7},{"petType":"dog","name":"Rex"},{"petType":"parrot","name":"Polly"}]""";
        var expected = new[] { "PetClinic.Cat", "PetClinic.Dog", "PetClinic.Pet" };

        var fast = (IList)_generated.Probe("ReadPets", Encoding.UTF8.GetBytes(Json))!;
        var node = new JsonParseNode(JsonDocument.Parse(Json).RootElement);
        var kiota = _generated.KiotaList(node, "Pet");

        Assert.Equal(expected, fast.Cast<object>().Select(p => p.GetType().FullName));
        Assert.Equal(expected, kiota.Select(p => p.GetType().FullName));
    }

    [Fact]
    public void ARequiredMemberOfTheDerivedTypeIsCheckedWhenReadThroughTheBase()
    {
        var error = Assert.Throws<JsonException>(() => _generated.ReadFast("Pet", """{"petType":"cat","name":"Tom"}"""));
        Assert.Contains("'lives' is required in Cat", error.Message, StringComparison.Ordinal);

        var baseError = Assert.Throws<JsonException>(() => _generated.ReadFast("Pet", """{"petType":"cat","lives":1}"""));
        Assert.Contains("'name' is required in Pet", baseError.Message, StringComparison.Ordinal);

        // The same instance type reads again cleanly after a failure elsewhere: what was seen is per read.
        Assert.Equal("PetClinic.Cat", _generated.ReadFast("Pet", """{"petType":"cat","name":"Tom","lives":1}""").GetType().FullName);
    }

    [Fact]
    public void AOneOfWithoutDiscriminatorIsOneModelWithEveryAlternativesMembers()
    {
        const string Json = """{"iban":"DE89370400440532013000"}""";

        var kiota = _generated.ParseWithKiota("PaymentMethod", Json);
        var fast = _generated.ReadFast("PaymentMethod", Json);

        foreach (var payment in new[] { kiota, fast })
        {
            Assert.Equal("DE89370400440532013000", Get(payment, "Iban"));
            Assert.Null(Get(payment, "Number"));
        }
    }

    [Fact]
    public async System.Threading.Tasks.Task TheGeneratedClientReturnsEachDerivedTypeOverHttp()
    {
        using var server = WireMock.Server.WireMockServer.Start();
        server.Given(WireMock.RequestBuilders.Request.Create().WithPath("/pets").UsingGet())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody("""[{"petType":"lion","name":"Leo","lives":9,"prideSize":4},{"petType":"dog","name":"Rex","barks":true}]"""));
        server.Given(WireMock.RequestBuilders.Request.Create().WithPath("/pets").UsingPost())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(201).WithHeader("Content-Type", "application/json").WithBody("""{"petType":"cat","name":"Tom","lives":7}"""));
        using var http = new System.Net.Http.HttpClient();
        var client = _generated.Client(server.Url!, http);

        var pets = (IList)await _generated.CallAsync(client, "ListPetsAsync", System.Threading.CancellationToken.None);
        var created = await _generated.CallAsync(client, "AddPetAsync", _generated.Probe("NewCat")!, System.Threading.CancellationToken.None);

        Assert.Equal(new[] { "PetClinic.Lion", "PetClinic.Dog" }, pets.Cast<object>().Select(p => p.GetType().FullName));
        Assert.Equal(4, Get(pets[0]!, "PrideSize"));
        Assert.Equal("PetClinic.Cat", created.GetType().FullName);
        var sent = JsonDocument.Parse(server.LogEntries.Single(e => e.RequestMessage.Method == "POST").RequestMessage.Body!).RootElement;
        Assert.Equal("cat", sent.GetProperty("petType").GetString()); // the request body says what the new pet is
    }

    public static IEnumerable<object[]> ComposedCases => new[]
    {
        new object[] { "Conveyance", """{"vehicleType":"boat","length":5.5}""", "Boat", "PetClinic.Boat" },
        new object[] { "Conveyance", """{"seats":4,"vehicleType":"car"}""", "Car", "PetClinic.Car" }, // an alternative that is itself a derived type
        new object[] { "SendNoticeRequest", """{"channel":"PUSH","token":"t-1"}""", "PushNotice", "PetClinic.PushNotice" },
        new object[] { "SendNoticeRequest", """{"address":"ann@example.org","channel":"email"}""", "EmailNotice", "PetClinic.EmailNotice" },
    };

    [Theory]
    [MemberData(nameof(ComposedCases))]
    public void AComposedTypeHoldsTheAlternativeItsDiscriminatorNamesOnBothPaths(string type, string json, string property, string expected)
    {
        foreach (var wrapper in new[] { _generated.ParseWithKiota(type, json), _generated.ReadFast(type, json) })
        {
            var alternatives = wrapper.GetType().GetProperties().Where(p => p.Name is not "AdditionalData").ToList();
            Assert.Equal(expected, Get(wrapper, property)!.GetType().FullName);
            Assert.All(alternatives.Where(p => p.Name != property), p => Assert.Null(p.GetValue(wrapper)));
            AssertSameJson(json, _generated.WriteFast(wrapper));
            AssertSameJson(json, WriteWithKiota(wrapper));
        }
    }

    [Fact]
    public void AComposedTypeKeepsAnObjectWithAnUnknownDiscriminatorInAdditionalData()
    {
        const string Json = """{"channel":"pigeon","loft":"north"}""";
        foreach (var wrapper in new[] { _generated.ParseWithKiota("SendNoticeRequest", Json), _generated.ReadFast("SendNoticeRequest", Json) })
        {
            Assert.Null(Get(wrapper, "EmailNotice"));
            Assert.Null(Get(wrapper, "PushNotice"));
            AssertSameJson(Json, _generated.WriteFast(wrapper));
        }
    }

    [Fact]
    public async System.Threading.Tasks.Task AComposedRequestAndResponseTravelOverHttp()
    {
        using var server = WireMock.Server.WireMockServer.Start();
        server.Given(WireMock.RequestBuilders.Request.Create().WithPath("/notices").UsingPost())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""{"channel":"push","token":"t-9"}"""));
        using var http = new System.Net.Http.HttpClient();
        var client = _generated.Client(server.Url!, http);

        var response = await _generated.CallAsync(client, "SendNoticeAsync", _generated.Probe("NewEmailNotice")!, System.Threading.CancellationToken.None);

        Assert.Equal("t-9", Get(Get(response, "PushNotice")!, "Token"));
        AssertSameJson("""{"channel":"email","address":"ann@example.org"}""", server.LogEntries.Single().RequestMessage.Body!);
    }

    private static void AssertSameJson(string expected, string actual)
    {
        var left = JsonDocument.Parse(expected).RootElement.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => p.Name + "=" + p.Value.GetRawText().ToLowerInvariant());
        var right = JsonDocument.Parse(actual).RootElement.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => p.Name + "=" + p.Value.GetRawText().ToLowerInvariant());
        Assert.Equal(left, right);
    }

    private static object? Get(object value, string property) => value.GetType().GetProperty(property)!.GetValue(value);

    private static string WriteWithKiota(object value)
    {
        using var writer = new JsonSerializationWriter();
        writer.WriteObjectValue<IParsable>(null, (IParsable)value);
        using var reader = new StreamReader(writer.GetSerializedContent());
        return reader.ReadToEnd();
    }

    /// <summary>The composition fixture compiled once for the class, with a probe that calls the fast path.</summary>
    public sealed class Generated
    {
        private const string ProbeSource = """
            namespace Probe
            {
                internal static class Calls
                {
                    public static object Read(string type, byte[] json)
                    {
                        var reader = new global::System.Text.Json.Utf8JsonReader(json);
                        reader.Read();
                        object value = type switch
                        {
                            "Pet" => global::PetClinic.Pet.ReadFrom(ref reader),
                            "Cat" => global::PetClinic.Cat.ReadFrom(ref reader),
                            "Shape" => global::PetClinic.Shape.ReadFrom(ref reader),
                            "Vehicle" => global::PetClinic.Vehicle.ReadFrom(ref reader),
                            "Timestamped" => global::PetClinic.Timestamped.ReadFrom(ref reader),
                            "PaymentMethod" => global::PetClinic.PaymentMethod.ReadFrom(ref reader),
                            "Conveyance" => global::PetClinic.Conveyance.ReadFrom(ref reader),
                            "SendNoticeRequest" => global::PetClinic.SendNoticeRequest.ReadFrom(ref reader),
                            _ => throw new global::System.ArgumentException(type),
                        };
                        if (reader.TokenType != global::System.Text.Json.JsonTokenType.EndObject || reader.BytesConsumed != json.Length || reader.Read())
                        {
                            throw new global::System.InvalidOperationException("The reader was not left on the object's EndObject.");
                        }

                        return value;
                    }

                    public static object ReadPets(byte[] json)
                    {
                        var reader = new global::System.Text.Json.Utf8JsonReader(json);
                        reader.Read();
                        return global::PetClinic.GeneratedJson.ReadList<global::PetClinic.Pet>(ref reader, "pets", static (ref global::System.Text.Json.Utf8JsonReader r) => global::PetClinic.Pet.ReadFrom(ref r))!;
                    }

                    public static byte[] Write(global::PetClinic.IJsonModel model)
                    {
                        var buffer = new global::System.IO.MemoryStream();
                        using (var writer = new global::System.Text.Json.Utf8JsonWriter(buffer))
                        {
                            model.WriteJson(writer);
                        }

                        return buffer.ToArray();
                    }

                    // Compiles only if a derived type's and its base's required members are what the spec says.
                    public static object NewCat() => new global::PetClinic.Cat { Name = "Tom", Lives = 7 };

                    public static object NewCar() => new global::PetClinic.Car { Seats = 4 };

                    public static object NewEmailNotice() => new global::PetClinic.SendNoticeRequest { EmailNotice = new global::PetClinic.EmailNotice { Channel = "email", Address = "ann@example.org" } };
                }
            }
            """;

        private readonly Assembly _assembly;

        public Generated()
        {
            var compilation = GeneratorHarness.CreateCompilation(GeneratorHarness.KiotaRuntimeReferences.Value, ProbeSource);
            var result = GeneratorHarness.Run(GeneratorHarness.ReadFixture("composition"), compilation: compilation);
            DiagnosticAssert.GeneratorDidNotThrow(result);
            Assert.True(result.GeneratorDiagnostics.IsEmpty, GeneratorHarness.Describe(result.GeneratorDiagnostics));
            DiagnosticAssert.OutputCompiles(result);
            _assembly = GeneratedAssembly.Load(result);
        }

        public object? Probe(string method, params object[] args)
        {
            try
            {
                return _assembly.Type("Probe.Calls").GetMethod(method)!.Invoke(null, args);
            }
            catch (TargetInvocationException ex) when (ex.InnerException is not null)
            {
                throw ex.InnerException;
            }
        }

        public object ReadFast(string type, string json) => Probe("Read", type, Encoding.UTF8.GetBytes(json))!;

        /// <summary>The generated group client over Kiota's HTTP adapter (the root client's CreateRequestAdapter), pointed at a stub.</summary>
        public object Client(string baseUrl, System.Net.Http.HttpClient http)
        {
            var adapter = (Microsoft.Kiota.Abstractions.IRequestAdapter)_assembly.Type("PetClinic.PetClinicClient").GetMethod("CreateRequestAdapter")!
                .Invoke(null, new object?[] { new Microsoft.Kiota.Abstractions.Authentication.AnonymousAuthenticationProvider(), http })!;
            adapter.BaseUrl = baseUrl;
            return Activator.CreateInstance(_assembly.Type("PetClinic.ClinicClient"), adapter)!;
        }

        public async System.Threading.Tasks.Task<object> CallAsync(object client, string method, params object[] args)
        {
            var task = (System.Threading.Tasks.Task)client.GetType().GetMethod(method)!.Invoke(client, args)!;
            await task;
            return task.GetType().GetProperty("Result")!.GetValue(task)!;
        }

        public string WriteFast(object model) => Encoding.UTF8.GetString((byte[])Probe("Write", model)!);

        public object ParseWithKiota(string type, string json)
        {
            var node = new JsonParseNode(JsonDocument.Parse(json).RootElement);
            var generated = _assembly.Type("PetClinic." + type);
            var get = typeof(IParseNode).GetMethod(nameof(IParseNode.GetObjectValue))!.MakeGenericMethod(generated);
            return get.Invoke(node, new object[] { Factory(generated) })!;
        }

        public List<object> KiotaList(IParseNode node, string type)
        {
            var generated = _assembly.Type("PetClinic." + type);
            var get = typeof(IParseNode).GetMethod(nameof(IParseNode.GetCollectionOfObjectValues))!.MakeGenericMethod(generated);
            return ((IEnumerable)get.Invoke(node, new object[] { Factory(generated) })!).Cast<object>().ToList();
        }

        private static Delegate Factory(Type type)
            => Delegate.CreateDelegate(typeof(ParsableFactory<>).MakeGenericType(type), type.GetMethod("CreateFromDiscriminatorValue", BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)!);
    }
}
