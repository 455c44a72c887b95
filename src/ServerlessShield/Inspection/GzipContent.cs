using System.IO.Compression;
using System.Runtime.InteropServices;

namespace ServerlessShield;

// Gzip is an encoding, like base64: a producer compresses a record (CloudWatch Logs subscriptions, Firehose, most log
// shippers) and the handler inflates it. Inflating is bounded by the payload limit, so a small input cannot expand
// into an unbounded one (a "zip bomb").
internal static class GzipContent
{
    // ID1, ID2 and the only compression method gzip defines (deflate).
    public static bool HasHeader(ReadOnlySpan<byte> data) => data.Length >= 10 && data[0] == 0x1F && data[1] == 0x8B && data[2] == 0x08;

    /// <summary>
    /// Inflates at most <paramref name="limit"/> + 1 bytes: enough to tell "too large" without inflating the rest.
    /// Null when the bytes are not valid gzip.
    /// </summary>
    public static byte[]? Inflate(ReadOnlyMemory<byte> compressed, int limit)
    {
        try
        {
            var source = MemoryMarshal.TryGetArray(compressed, out var segment)
                ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
                : new MemoryStream(compressed.ToArray(), writable: false);
            using var gzip = new GZipStream(source, CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = new byte[16 * 1024];
            int read;
            while (output.Length <= limit && (read = gzip.Read(buffer, 0, (int)Math.Min(buffer.Length, limit + 1L - output.Length))) > 0)
            {
                output.Write(buffer, 0, read);
            }

            return output.ToArray();
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
