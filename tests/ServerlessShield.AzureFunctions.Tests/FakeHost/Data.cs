using Google.Protobuf;
using ServerlessShield.AzureFunctions.Tests.FakeHost.Rpc;

namespace ServerlessShield.AzureFunctions.Tests.FakeHost;

/// <summary>Shorthands for the typed data a host sends.</summary>
public static class Data
{
    public static TypedData String(string value) => new() { String = value };

    public static TypedData Json(string value) => new() { Json = value };

    public static TypedData Bytes(string utf8) => new() { Bytes = ByteString.CopyFromUtf8(utf8) };

    public static TypedData Strings(params string[] values)
    {
        var collection = new CollectionString();
        collection.String.Add(values);
        return new TypedData { CollectionString = collection };
    }

    public static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];
}
