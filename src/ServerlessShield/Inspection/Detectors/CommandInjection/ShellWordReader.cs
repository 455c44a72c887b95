namespace ServerlessShield;

/// <summary>What reading one shell word found out about it.</summary>
internal readonly record struct ShellWordFacts(int Length, bool Obfuscated, bool Globbed, bool IsVariable, bool IsAssignment, bool WholeQuoted, int Variables);

/// <summary>
/// Reads one shell word the way a shell would resolve it, undoing the tricks that split a command name:
/// quotes inside the word (<c>w'h'o'am'i</c>), backslashes (<c>c\at</c>), expansions that are empty
/// (<c>who$@ami</c>, <c>c${x}url</c>, <c>ping$()</c>), brace expansion (<c>{,ifconfig}</c>, <c>c{a,oun}t</c>) and
/// single-character glob classes (<c>/bi[n]/bash</c>). The resolved word is written to a scratch buffer.
/// </summary>
internal static class ShellWordReader
{
    private const int MaxBrace = 128;

    // However it is obfuscated, a command word is spelled in this many characters or fewer.
    private const int MaxSpan = 160;

    public static bool IsTerminator(char c) =>
        c is ' ' or '\n' or '\r' or ';' or '|' or '&' or '(' or ')' or '<' or '>';

    /// <summary>Reads the word starting at <paramref name="start"/> and returns the index after it.</summary>
    public static int Read(ReadOnlySpan<char> text, int start, Span<char> scratch, out ShellWordFacts facts)
    {
        var length = 0;
        bool obfuscated = false, globbed = false, variable = false, assignment = false, wholeQuoted = false;
        var variables = 0;
        var i = start;
        while (i < text.Length)
        {
            // Characters that neither end the word nor need the switch below are appended as a run, up to where the
            // limits below would stop the word.
            var run = text[i..].IndexOfAny(TerminatorsAndWordSyntax);
            var plain = run < 0 ? text.Length - i : run;
            if (plain > 0)
            {
                var take = Math.Min(plain, Math.Min(scratch.Length - length, MaxSpan - (i - start)) + 1);
                if (take <= 0)
                {
                    break;
                }

                text.Slice(i, Math.Min(take, scratch.Length - length)).CopyTo(scratch[length..]);
                length += take;
                i += take;
                if (take < plain)
                {
                    break;
                }

                continue;
            }

            var c = text[i];
            if (IsTerminator(c) || length > scratch.Length || i - start > MaxSpan)
            {
                break; // a word longer than the scratch buffer names no command; stop reading it
            }

            switch (c)
            {
                case '`':
                    if (i + 1 < text.Length && text[i + 1] == '`')
                    {
                        obfuscated = true; // `` is an empty substitution
                        i += 2;
                        continue;
                    }

                    goto Done;

                case '\'' or '"':
                {
                    // A quote that closes an enclosing string ends the word: it has no partner, or it is followed by
                    // JSON or markup punctuation (;aptitude":"x", probe=";ps">).
                    var close = text[(i + 1)..].IndexOf(c);
                    if (close < 0 || (i > start && i + 1 < text.Length && text[i + 1] is ':' or ',' or '}' or ']' or '>' or '<' or '/'))
                    {
                        goto Done;
                    }

                    var end = i + 1 + close;
                    var content = text[(i + 1)..end];
                    var next = Math.Min(end + 1, text.Length);
                    if (i == start && (next >= text.Length || IsTerminator(text[next])))
                    {
                        wholeQuoted = true;
                    }
                    else
                    {
                        obfuscated = true;
                    }

                    foreach (var q in content)
                    {
                        Append(scratch, ref length, q);
                    }

                    i = next;
                    continue;
                }

                case '\\':
                    if (length == 2 && scratch[1] == ':' || (length > 2 && scratch[1] == ':' && scratch[2] is '\\' or '/'))
                    {
                        Append(scratch, ref length, c); // a Windows path keeps its backslashes
                        i++;
                        continue;
                    }

                    if (i + 1 < text.Length)
                    {
                        obfuscated |= char.IsAsciiLetterOrDigit(text[i + 1]);
                        Append(scratch, ref length, text[i + 1]);
                        i += 2;
                        continue;
                    }

                    i++;
                    continue;

                case '$':
                    if (ReadDollar(text, ref i, start, ref variable))
                    {
                        obfuscated |= !variable;
                        variables++;
                        continue;
                    }

                    goto Done;

                case '{':
                    if (ReadBrace(text, ref i, scratch, ref length))
                    {
                        obfuscated = true;
                        continue;
                    }

                    break;

                case '[':
                    if (ReadGlobClass(text, ref i, scratch, ref length, ref globbed))
                    {
                        obfuscated = true;
                        continue;
                    }

                    break;

                case '?' or '*':
                    globbed = true;
                    break;

                case '=':
                    assignment |= length > 0 && !obfuscated && !wholeQuoted && scratch[..Math.Min(length, scratch.Length)].IndexOfAnyExcept(IdentifierChars) < 0;
                    break;
            }

            Append(scratch, ref length, c);
            i++;
        }

    Done:
        facts = new ShellWordFacts(length, obfuscated, globbed, variable && length == 0, assignment, wholeQuoted && !obfuscated, variables);
        return i;
    }

    // IsTerminator's characters and those the switch in Read acts on.
    private static readonly System.Buffers.SearchValues<char> TerminatorsAndWordSyntax = System.Buffers.SearchValues.Create(" \n\r;|&()<>`'\"\\${[?*=");

    private static readonly System.Buffers.SearchValues<char> IdentifierChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");

    private static void Append(Span<char> scratch, ref int length, char c)
    {
        if (length < scratch.Length)
        {
            scratch[length] = c;
        }

        length++;
    }

    // $@ $* $1 ${x} $x $() inside a word expand to nothing; a word that is only $NAME is a variable.
    private static bool ReadDollar(ReadOnlySpan<char> text, ref int i, int start, ref bool variable)
    {
        if (i + 1 >= text.Length)
        {
            return false;
        }

        var next = text[i + 1];
        if (next == '(')
        {
            if (i + 2 < text.Length && text[i + 2] == ')')
            {
                i += 3;
                return true;
            }

            return false; // a command substitution: the caller treats it as a new command position
        }

        if (next == '{')
        {
            var close = text[(i + 2)..].IndexOf('}');
            if (close < 0 || close > 64)
            {
                return false;
            }

            variable |= i == start;
            i += 3 + close;
            return true;
        }

        if (next is '@' or '*' or '#' or '?' or '!' or '_' or '-' or '$' || char.IsAsciiDigit(next))
        {
            i += 2;
            return true;
        }

        if (next is '\'' or '"')
        {
            i++; // $'...' and $"..." quoting
            return true;
        }

        if (char.IsAsciiLetter(next))
        {
            variable |= i == start;
            var end = i + 1;
            while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] == '_'))
            {
                end++;
            }

            i = end;
            return true;
        }

        return false;
    }

    // {a,b,c}: the shell produces every alternative; the first non-empty one is the command word.
    private static bool ReadBrace(ReadOnlySpan<char> text, ref int i, Span<char> scratch, ref int length)
    {
        var rest = text[(i + 1)..];
        var close = rest[..Math.Min(rest.Length, MaxBrace)].IndexOf('}');
        if (close < 0)
        {
            return false;
        }

        var inner = rest[..close];
        if (!inner.Contains(',') || inner.IndexOfAny(' ', '{') >= 0)
        {
            return false;
        }

        while (!inner.IsEmpty)
        {
            var comma = inner.IndexOf(',');
            var alternative = comma < 0 ? inner : inner[..comma];
            if (!alternative.IsEmpty)
            {
                foreach (var c in alternative)
                {
                    Append(scratch, ref length, c);
                }

                break;
            }

            inner = comma < 0 ? default : inner[(comma + 1)..];
        }

        i += close + 2;
        return true;
    }

    // [p]asswd is p; [!q] and [a-z] match any one character.
    private static bool ReadGlobClass(ReadOnlySpan<char> text, ref int i, Span<char> scratch, ref int length, ref bool globbed)
    {
        var rest = text[(i + 1)..];
        var close = rest[..Math.Min(rest.Length, 12)].IndexOf(']');
        if (close <= 0)
        {
            return false;
        }

        var inner = rest[..close];
        if (inner.Length == 1)
        {
            Append(scratch, ref length, inner[0]);
        }
        else
        {
            Append(scratch, ref length, '?');
            globbed = true;
        }

        i += close + 2;
        return true;
    }
}
