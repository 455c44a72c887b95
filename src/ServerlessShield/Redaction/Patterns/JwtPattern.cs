namespace ServerlessShield;

// A JSON Web Token: three base64url segments, the first a JSON header ("eyJ" is the encoding of '{"').
internal sealed class JwtPattern : SecretPattern
{
    private const int MinSegmentLength = 4;

    private static readonly Func<char, bool> IsBase64UrlChar = c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-';

    public override bool TryFind(ReadOnlySpan<char> text, int from, out SecretMatch match)
    {
        for (var i = NextCandidate(text, from); i >= 0; i = NextCandidate(text, i + 1))
        {
            var header = SkipWhile(text, i + 3, IsBase64UrlChar);
            if (!StartsWord(text, i) || header - (i + 3) < MinSegmentLength || header >= text.Length || text[header] != '.')
            {
                continue;
            }

            var payload = SkipWhile(text, header + 1, IsBase64UrlChar);
            if (payload - (header + 1) < MinSegmentLength || payload >= text.Length || text[payload] != '.')
            {
                continue;
            }

            match = new(i, i, SkipWhile(text, payload + 1, IsBase64UrlChar));
            return true;
        }

        match = default;
        return false;
    }

    private static int NextCandidate(ReadOnlySpan<char> text, int from)
    {
        var next = text[from..].IndexOf("eyJ", StringComparison.Ordinal);
        return next < 0 ? -1 : from + next;
    }
}
