namespace ServerlessShield.AwsLambda;

// Reads the invocation stream into memory, never more than the limit (plus one byte to tell "too large").
internal static class LambdaEventReader
{
    public static async ValueTask<ReadOnlyMemory<byte>?> ReadAsync(Stream input, int maxBytes, CancellationToken cancellationToken)
    {
        if (input is MemoryStream memory && memory.TryGetBuffer(out var segment))
        {
            var remaining = segment.AsMemory((int)memory.Position);
            return remaining.Length > maxBytes ? null : remaining;
        }

        // One byte more than a seekable stream holds, so the read that finds its end needs no second, larger buffer.
        var capacity = input.CanSeek ? (int)Math.Min(input.Length - input.Position + 1, maxBytes + 1L) : 16 * 1024;
        var buffer = new byte[Math.Max(capacity, 1)];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (length > maxBytes)
                {
                    return null;
                }

                Array.Resize(ref buffer, (int)Math.Min(buffer.Length * 2L, maxBytes + 1L));
            }

            var read = await input.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            length += read;
        }

        return length > maxBytes ? null : buffer.AsMemory(0, length);
    }
}
