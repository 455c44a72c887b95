using System.Security.Cryptography;
using System.Text;

namespace ServerlessShield;

// Turns an offending value into a short keyed hash, so repeats of one payload can be correlated in a SIEM
// while the value itself never leaves the function.
internal sealed class ValueHasher
{
    private readonly byte[]? _configuredKey;
    private byte[]? _randomKey;

    public ValueHasher(string? key)
    {
        _configuredKey = string.IsNullOrEmpty(key) ? null : Encoding.UTF8.GetBytes(key);
    }

    // The random key is drawn on the first hash: the first call into the platform's crypto library loads it, which
    // is most of the engine's start-up time, and a clean invocation never hashes anything.
    private byte[] Key => _configuredKey ?? LazyInitializer.EnsureInitialized(ref _randomKey, static () => RandomNumberGenerator.GetBytes(32));

    public string Hash(ReadOnlySpan<char> value)
    {
        var max = Encoding.UTF8.GetMaxByteCount(Math.Min(value.Length, 4096));
        var buffer = max <= 1024 ? stackalloc byte[max] : new byte[max];
        var written = Encoding.UTF8.GetBytes(value.Length > 4096 ? value[..4096] : value, buffer);
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(Key, buffer[..written], mac);
        return "hmac-sha256:" + Convert.ToHexString(mac[..12]).ToLowerInvariant();
    }
}
