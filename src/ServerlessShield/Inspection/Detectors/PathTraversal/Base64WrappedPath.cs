using System.Buffers;
using System.Buffers.Text;

namespace ServerlessShield;

/// <summary>
/// A value that is one base64 token decoding to a traversal or a sensitive path (<c>Li4vLi4vZXRjL3Bhc3N3ZA==</c>
/// is <c>../../etc/passwd</c>): applications that base64-decode a file parameter open whatever it spells.
/// Only the first bytes are decoded; ordinary base64 (images, tokens, text) decodes to nothing path-like.
/// </summary>
internal static class Base64WrappedPath
{
    private const int MinLength = 8;
    private const int MaxDecodedChars = 96;

    private static readonly SearchValues<char> Base64Chars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_");

    public static bool Matches(ReadOnlySpan<char> value, Func<string, bool> isPathAttack)
    {
        var token = value.Trim();
        if (token.Length < MinLength || !IsBase64Token(token))
        {
            return false;
        }

        // Decode a prefix whose length is a multiple of four, so no padding is needed in the middle.
        var prefix = token[..Math.Min(token.Length, MaxDecodedChars / 3 * 4)];
        prefix = prefix[..(prefix.Length / 4 * 4)];
        Span<byte> utf8 = stackalloc byte[prefix.Length];
        for (var i = 0; i < prefix.Length; i++)
        {
            utf8[i] = prefix[i] switch
            {
                '-' => (byte)'+',
                '_' => (byte)'/',
                _ => (byte)prefix[i],
            };
        }

        Span<byte> decoded = stackalloc byte[prefix.Length];
        if (Base64.DecodeFromUtf8(utf8, decoded, out _, out var written) is not (OperationStatus.Done or OperationStatus.NeedMoreData))
        {
            return false;
        }

        Span<char> text = stackalloc char[written];
        for (var i = 0; i < written; i++)
        {
            var b = decoded[i];
            if (b is < 0x20 or > 0x7E && b != 0)
            {
                return false; // binary, not a path
            }

            text[i] = (char)b;
        }

        return isPathAttack(text.ToString());
    }

    // Base64 or base64url characters, then at most two '=' of padding.
    private static bool IsBase64Token(ReadOnlySpan<char> token)
    {
        var body = token.TrimEnd('=');
        return token.Length - body.Length <= 2 && body.IndexOfAnyExcept(Base64Chars) < 0;
    }
}
