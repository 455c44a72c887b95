namespace ServerlessShield;

// An AWS access key id: a four-letter prefix naming the kind of key, then 16 upper-case letters or digits, as a
// whole word.
internal sealed class AwsAccessKeyIdPattern : SecretPattern
{
    private const int Length = 20;

    private static readonly string[] Prefixes = ["AKIA", "ASIA", "AGPA", "AIDA", "AROA", "AIPA", "ANPA", "ANVA", "APKA", "ABIA", "ACCA"];

    public override bool TryFind(ReadOnlySpan<char> text, int from, out SecretMatch match)
    {
        for (var i = from; i + Length <= text.Length; i++)
        {
            if (text[i] == 'A' && StartsWord(text, i) && HasPrefix(text[i..]) && IsKeyBody(text.Slice(i + 4, Length - 4)) && EndsWord(text, i + Length))
            {
                match = new(i, i, i + Length);
                return true;
            }
        }

        match = default;
        return false;
    }

    private static bool HasPrefix(ReadOnlySpan<char> text)
    {
        foreach (var prefix in Prefixes)
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsKeyBody(ReadOnlySpan<char> body)
    {
        foreach (var c in body)
        {
            if (!char.IsAsciiLetterUpper(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
