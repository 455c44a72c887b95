using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ServerlessShield.AwsLambda;

// Building blocks of the per-source extractors: paths, base64 data fields, embedded JSON.
internal static class RecordInputs
{
    public static string Path(string prefix, int index, string suffix) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}[{index}].{suffix}");

    // Data fields the platform base64-encodes (Kinesis, Firehose, Kafka, MQ). Data that is not valid base64 did
    // not come from the platform; it is inspected as sent.
    public static ShieldInput Base64(string path, JsonElement value, out InputEncoding encoding, string? itemId = null, bool metadata = false)
    {
        if (value.ValueKind == JsonValueKind.String && value.TryGetBytesFromBase64(out var bytes))
        {
            encoding = InputEncoding.Base64;
            return new ShieldInput(path, bytes, InputFormat.Auto, itemId) { IsMetadata = metadata };
        }

        encoding = InputEncoding.Text;
        return Raw(path, value, InputFormat.Auto, itemId, metadata);
    }

    // Bytes the platform writes as a JSON array of numbers (Kafka and RabbitMQ header values). The Kafka event writes
    // Java's signed bytes (-123 is 0x85); both readings are accepted. False for anything else.
    public static bool TryGetByteArray(JsonElement value, out byte[] bytes)
    {
        bytes = [];
        if (value.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        var buffer = new byte[value.GetArrayLength()];
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt32(out var number) || number is < sbyte.MinValue or > byte.MaxValue)
            {
                return false;
            }

            buffer[i++] = unchecked((byte)number);
        }

        bytes = buffer;
        return true;
    }

    // A JSON value of the event (EventBridge detail, DynamoDB images) as its own input, byte for byte.
    public static ShieldInput Json(string path, JsonElement value, string? itemId = null) =>
        Raw(path, value, InputFormat.Json, itemId, metadata: false);

    // What travels beside a record's payload: attributes, a subject, an object key, producer headers.
    public static ShieldInput Metadata(string path, string value, string? itemId = null) =>
        new(path, Encoding.UTF8.GetBytes(value), InputFormat.Text, itemId) { IsMetadata = true };

    private static ShieldInput Raw(string path, JsonElement value, InputFormat format, string? itemId, bool metadata) =>
        new(path, JsonValueBytes.Of(value), format, itemId) { IsMetadata = metadata };
}
