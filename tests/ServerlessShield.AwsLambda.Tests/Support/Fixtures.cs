using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ServerlessShield.AwsLambda.Tests.Support;

// The project's own sample events (Fixtures/*.json, shaped as the AWS documentation shows them).
internal static class Fixtures
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", name + ".json");

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path(name));

    public static JsonNode Node(string name) => JsonNode.Parse(Bytes(name))!;

    // A fixture with some fields changed, for one test's needs.
    public static byte[] With(string name, Action<JsonObject> change)
    {
        var node = Node(name).AsObject();
        change(node);
        return Encoding.UTF8.GetBytes(node.ToJsonString());
    }

    public static async Task<string> ReadAsync(Stream stream)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }

    public static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
