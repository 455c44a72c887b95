namespace ServerlessShield;

// A payment card number: 13 to 19 digits as a whole word, optionally grouped by single spaces or dashes, removed
// only when its Luhn checksum holds (order numbers and phone numbers rarely pass it).
internal sealed class CardNumberPattern : SecretPattern
{
    private const int MinDigits = 13;
    private const int MaxDigits = 19;

    public override bool TryFind(ReadOnlySpan<char> text, int from, out SecretMatch match)
    {
        Span<int> ends = stackalloc int[MaxDigits + 1];
        for (var i = from; i < text.Length; i++)
        {
            if (!char.IsDigit(text[i]) || !StartsWord(text, i))
            {
                continue;
            }

            // Greedy: read up to 19 digits, each optionally after one separator, then give digits back until the
            // number ends a word.
            var digits = 1;
            ends[1] = i + 1;
            var position = i + 1;
            while (digits < MaxDigits)
            {
                var next = position < text.Length && text[position] is ' ' or '-' ? position + 1 : position;
                if (next >= text.Length || !char.IsDigit(text[next]))
                {
                    break;
                }

                position = next + 1;
                ends[++digits] = position;
            }

            for (var count = digits; count >= MinDigits; count--)
            {
                if (EndsWord(text, ends[count]))
                {
                    match = new(i, i, ends[count]);
                    return true;
                }
            }
        }

        match = default;
        return false;
    }

    protected override string? Replacement(ReadOnlySpan<char> label, ReadOnlySpan<char> secret) => IsLuhnValid(secret) ? SecretScrubber.Marker : null;

    private static bool IsLuhnValid(ReadOnlySpan<char> candidate)
    {
        var sum = 0;
        var digits = 0;
        var doubleIt = false;
        for (var i = candidate.Length - 1; i >= 0; i--)
        {
            var c = candidate[i];
            if (!char.IsAsciiDigit(c))
            {
                continue;
            }

            var d = c - '0';
            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            digits++;
            doubleIt = !doubleIt;
        }

        return digits is >= MinDigits and <= MaxDigits && sum % 10 == 0;
    }
}
