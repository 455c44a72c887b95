using System.Collections;
using System.Text;
using Microsoft.Azure.Functions.Worker.Core;

namespace ServerlessShield.AzureFunctions;

// Turns what the worker delivered for a trigger (or, failing that, the argument the function receives) into bytes.
// Only text and binary shapes are read; objects are never serialized back, since that would inspect our rendering
// of the payload rather than the payload.
internal static class TriggerValues
{
    public static TriggerData ToData(object? value, int maxPayloadBytes) => value switch
    {
        null => TriggerData.None,
        // SDK-type bindings (BlobClient, ServiceBusReceivedMessage, ...) carry a reference to the data, not the data.
        ModelBindingData or CollectionModelBindingData => TriggerData.None,
        _ when ToBytes(value, maxPayloadBytes) is { } bytes => TriggerData.One(bytes),
        _ when ToBatch(value, maxPayloadBytes) is { } records => TriggerData.Batch(records),
        _ => TriggerData.None,
    };

    // Typed arms: with a natural type of ReadOnlyMemory<byte>, a null arm would silently become an empty payload.
    internal static ReadOnlyMemory<byte>? ToBytes(object? value, int maxPayloadBytes = int.MaxValue) => value switch
    {
        string text => (ReadOnlyMemory<byte>?)Encoding.UTF8.GetBytes(text),
        byte[] bytes => (ReadOnlyMemory<byte>?)bytes,
        ReadOnlyMemory<byte> memory => (ReadOnlyMemory<byte>?)memory,
        Memory<byte> memory => (ReadOnlyMemory<byte>?)memory,
        BinaryData binary => (ReadOnlyMemory<byte>?)binary.ToMemory(),
        Stream stream => ReadSeekable(stream, maxPayloadBytes),
        _ => (ReadOnlyMemory<byte>?)null,
    };

    // Every record of a batch value as bytes, or null when the value is not a batch of text or binary records.
    internal static List<ReadOnlyMemory<byte>>? ToBatch(object? value, int maxPayloadBytes = int.MaxValue)
    {
        if (value is string or byte[] or not IEnumerable)
        {
            return null;
        }

        var records = new List<ReadOnlyMemory<byte>>();
        foreach (var item in (IEnumerable)value)
        {
            if (ToBytes(item, maxPayloadBytes) is not { } bytes)
            {
                return null;
            }

            records.Add(bytes);
        }

        return records;
    }

    // A seekable stream (a blob delivered as bytes) is read up to one byte past the limit, which is enough to see it is
    // too large, and rewound for the function. A forward-only stream is not read: the function could not get it back.
    private static ReadOnlyMemory<byte>? ReadSeekable(Stream stream, int maxPayloadBytes)
    {
        if (!stream.CanSeek || !stream.CanRead)
        {
            return null;
        }

        var start = stream.Position;
        var buffer = new byte[(int)Math.Min(Math.Max(stream.Length - start, 0), (long)maxPayloadBytes + 1)];
        stream.ReadExactly(buffer);
        stream.Position = start;
        return buffer;
    }
}
