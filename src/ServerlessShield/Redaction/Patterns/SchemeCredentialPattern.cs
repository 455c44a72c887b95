namespace ServerlessShield;

// "Bearer <token>" and "Basic <credentials>": the scheme stays, so a log still says which kind of credential it was.
internal sealed class SchemeCredentialPattern : SecretPattern
{
    private const int MinCredentialLength = 8;

    private static readonly Func<char, bool> IsCredentialChar = c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~' or '+' or '/';

    public override bool TryFind(ReadOnlySpan<char> text, int from, out SecretMatch match)
    {
        for (var i = from; i < text.Length; i++)
        {
            if (text[i] is not ('B' or 'b') || !StartsWord(text, i))
            {
                continue;
            }

            var scheme = text[(i + 1)..].StartsWith("earer", StringComparison.Ordinal) ? 6 : text[(i + 1)..].StartsWith("asic", StringComparison.Ordinal) ? 5 : 0;
            var credential = scheme == 0 ? i : SkipWhile(text, i + scheme, IsSpace);
            if (credential == i + scheme)
            {
                continue;
            }

            var credentialEnd = SkipWhile(text, credential, IsCredentialChar);
            if (credentialEnd - credential >= MinCredentialLength)
            {
                match = new(i, credential, SkipWhile(text, credentialEnd, static c => c == '='));
                return true;
            }
        }

        match = default;
        return false;
    }

    // The label is the scheme and the blanks after it; one space stands for them.
    protected override string Replacement(ReadOnlySpan<char> label, ReadOnlySpan<char> secret) =>
        string.Concat(label.TrimEnd(), " ", SecretScrubber.Marker);
}
