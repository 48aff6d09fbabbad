// The generated Pet Store client, without a network: build a request and read a response body with Kiota's JSON
// parse node, as the adapter would. (CreateRequestAdapter gives an adapter with its own serializer registries.)
// A second document, clinic.openapi.json, shows a class hierarchy generated from a JSON document.
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;
using Petstore;

var adapter = PetStoreClient.CreateRequestAdapter(new AnonymousAuthenticationProvider());
var client = new PetStoreClient(adapter);

var request = client.Pets.ToListPetsRequestInformation(ListPetsStatus.Available, ["dog", "small"], 20);
request.PathParameters["baseurl"] = adapter.BaseUrl!;
Console.WriteLine($"GET {request.URI.OriginalString}");

var json = """[{"id":7,"name":"Rex","born":"2020-04-01","status":"available","chipped":true}]""";
var node = new JsonParseNode(System.Text.Json.JsonDocument.Parse(json).RootElement);
var pets = node.GetCollectionOfObjectValues(Pet.CreateFromDiscriminatorValue).ToList();
foreach (var pet in pets)
{
    Console.WriteLine($"pet {pet.Id}: {pet.Name}, born {pet.Born}, {pet.Status}, extra members: {string.Join(",", pet.AdditionalData.Keys)}");
}

// The JSON document's hierarchy: a base-typed read creates the derived type its discriminator names, and a new
// derived instance says what it is.
var patientJson = """{"species":"dog","name":"Fido","barks":true}""";
var patient = new JsonParseNode(System.Text.Json.JsonDocument.Parse(patientJson).RootElement).GetObjectValue(Clinic.Patient.CreateFromDiscriminatorValue);
var cat = new Clinic.Cat { Name = "Tom", Lives = 9 };
Console.WriteLine($"patient {patient?.Name}: {patient?.GetType().Name}; a new Cat says species '{cat.Species}'");

if (pets.Count != 1 || pets[0].Name != "Rex" || pets[0].Status?.Value != "available" || !request.URI.OriginalString.Contains("page%2Dsize=20")
    || patient is not Clinic.Dog { Barks: true } || cat.Species != "cat")
{
    Console.Error.WriteLine("unexpected result");
    return 1;
}

return 0;
