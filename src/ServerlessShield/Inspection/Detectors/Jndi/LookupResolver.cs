using System.Buffers;

namespace ServerlessShield;

// Evaluates Log4j-style ${prefix:name:-default} lookups the way an attacker counts on them being evaluated: every
// variable is taken to be undefined, so a lookup with a default becomes its default, ${lower:x}/${upper:x} change
// case and ${date:'x'} yields its quoted literal. Obfuscations such as ${${::-j}ndi:...} or ${${env:X:-j}ndi:...}
// therefore collapse to the ${jndi:...} they spell. One left-to-right pass with a bounded stack keeps the cost linear.
internal static class LookupResolver
{
    // Deeper nesting is read as literal text; no real payload needs more and it bounds the copying per character.
    private const int MaxDepth = 48;

    // Resolution can build a new "${" out of pieces (${::-$}{jndi:...}); a few re-evaluations cover that.
    private const int MaxPasses = 3;

    public static bool ResolvesToJndi(ReadOnlySpan<char> value)
    {
        // A lookup names jndi: with a colon, and evaluates (${lower:...}, ${x:-...}) only through one: a value without
        // a colon resolves to itself.
        if (DetectorShortcuts.Enabled && !value.Contains(':'))
        {
            return false;
        }

        var input = value;
        char[]? previous = null;
        try
        {
            for (var pass = 0; pass < MaxPasses; pass++)
            {
                if (input.IndexOf("${", StringComparison.Ordinal) < 0)
                {
                    return false;
                }

                var output = ArrayPool<char>.Shared.Rent(input.Length);
                if (Resolve(input, output, out var length))
                {
                    ArrayPool<char>.Shared.Return(output);
                    return true;
                }

                if (length == input.Length && input.SequenceEqual(output.AsSpan(0, length)))
                {
                    ArrayPool<char>.Shared.Return(output);
                    return false;
                }

                if (previous is not null)
                {
                    ArrayPool<char>.Shared.Return(previous);
                }

                previous = output;
                input = output.AsSpan(0, length);
            }

            return false;
        }
        finally
        {
            if (previous is not null)
            {
                ArrayPool<char>.Shared.Return(previous);
            }
        }
    }

    // Writes the resolved text into output (never longer than the input) and reports whether a jndi lookup appeared.
    private static bool Resolve(ReadOnlySpan<char> input, char[] output, out int length)
    {
        Span<int> frames = stackalloc int[MaxDepth];
        var depth = 0;
        length = 0;
        for (var i = 0; i < input.Length; i++)
        {
            var c = input[i];
            if (c == '$' && i + 1 < input.Length && input[i + 1] == '{' && depth < MaxDepth)
            {
                frames[depth++] = length;
                output[length++] = '$';
                output[length++] = '{';
                i++;
                continue;
            }

            if (c == '}' && depth > 0)
            {
                var start = frames[--depth];
                var content = output.AsSpan(start + 2, length - start - 2);
                if (IsJndiLookup(content))
                {
                    return true;
                }

                if (TryEvaluate(content, out var valueStart, out var valueLength, out var caseChange))
                {
                    output.AsSpan(start + 2 + valueStart, valueLength).CopyTo(output.AsSpan(start));
                    ChangeCase(output.AsSpan(start, valueLength), caseChange);
                    length = start + valueLength;
                    continue;
                }
            }

            output[length++] = c;
        }

        // An unterminated lookup is still what the attacker meant (payloads are often cut short by length limits).
        while (depth > 0)
        {
            var start = frames[--depth];
            if (IsJndiLookup(output.AsSpan(start + 2, length - start - 2)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsJndiLookup(ReadOnlySpan<char> content)
    {
        var i = LexChars.SkipSpaces(content, 0);
        return LexChars.StartsWithIgnoreCase(content, i, "jndi:");
    }

    // The value a lookup evaluates to, as a slice of its content: the default after ":-", the argument of a case
    // lookup, or the quoted literal of a date pattern. Other lookups (env, sys, hostName...) stay as written.
    private static bool TryEvaluate(ReadOnlySpan<char> content, out int start, out int length, out int caseChange)
    {
        caseChange = 0;
        var defaultAt = content.IndexOf(":-", StringComparison.Ordinal);
        if (defaultAt >= 0)
        {
            start = defaultAt + 2;
            length = content.Length - start;
            return true;
        }

        var colon = content.IndexOf(':');
        start = colon + 1;
        length = content.Length - start;
        if (colon > 0)
        {
            var prefix = content[..colon].Trim();
            if (prefix.Equals("lower", StringComparison.OrdinalIgnoreCase))
            {
                caseChange = -1;
                return true;
            }

            if (prefix.Equals("upper", StringComparison.OrdinalIgnoreCase))
            {
                caseChange = 1;
                return true;
            }

            if (prefix.Equals("date", StringComparison.OrdinalIgnoreCase))
            {
                // ${date:'j'} formats a date with a quoted literal: the literal is the output.
                var open = content.IndexOf('\'');
                var close = open >= 0 ? content[(open + 1)..].IndexOf('\'') : -1;
                if (close >= 0)
                {
                    start = open + 1;
                    length = close;
                    return true;
                }
            }
        }

        return false;
    }

    private static void ChangeCase(Span<char> text, int caseChange)
    {
        if (caseChange == 0)
        {
            return;
        }

        for (var i = 0; i < text.Length; i++)
        {
            text[i] = caseChange < 0 ? JavaLower(text[i]) : JavaUpper(text[i]);
        }
    }

    // Java's case mapping folds a few non-ASCII letters onto ASCII ones (dotless i to I, the Kelvin sign to k);
    // attackers use them to spell "jndi" past ASCII-only filters, so they are mapped here whatever the culture data.
    private static char JavaUpper(char c) => c switch
    {
        '\u0131' => 'I',
        '\u017F' => 'S',
        _ => char.ToUpperInvariant(c),
    };

    private static char JavaLower(char c) => c switch
    {
        '\u212A' => 'k',
        '\u0130' => 'i',
        _ => char.ToLowerInvariant(c),
    };
}
