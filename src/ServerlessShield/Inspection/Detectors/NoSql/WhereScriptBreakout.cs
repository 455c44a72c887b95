namespace ServerlessShield;

// JavaScript injected into a MongoDB $where (or mapReduce) string: the value closes the string or number it sits in
// and continues with a statement (';return true;var x=', ';sleep(5000)', '&& this.password.match(...)'), or chains
// a literal tautology ('|| 1==1', "' || 'a'=='a"). Prose has semicolons and '||' too, but not after a quote or a
// number followed by JavaScript statements.
internal static class WhereScriptBreakout
{
    // Every breakout below starts at one of these: ';', '&&' or '||'.
    private static readonly System.Buffers.SearchValues<char> Operators = System.Buffers.SearchValues.Create(";&|");

    public static bool IsMatch(ReadOnlySpan<char> value)
    {
        var first = value.IndexOfAny(Operators);
        if (first < 0)
        {
            return false;
        }

        for (var i = first; i >= 0 && i < value.Length; i = LexChars.IndexOfAnyFrom(value, i + 1, Operators))
        {
            var c = value[i];
            int next;
            if (c == ';')
            {
                next = i + 1;
            }
            else if ((c == '&' || c == '|') && i + 1 < value.Length && value[i + 1] == c)
            {
                next = i + 2;
                if (StartsLiteralTautology(value, LexChars.SkipSpaces(value, next)))
                {
                    return true;
                }
            }
            else
            {
                continue;
            }

            if (FollowsLiteral(value, i) && StartsStatement(value, LexChars.SkipSpaces(value, next), c == ';'))
            {
                return true;
            }

            i = next - 1;
        }

        return false;
    }

    // The operator comes right after a closing quote or a number (what a $where string or number field ends in).
    private static bool FollowsLiteral(ReadOnlySpan<char> value, int index)
    {
        var before = index - 1;
        while (before >= 0 && LexChars.IsSpace(value[before]))
        {
            before--;
        }

        return before < 0 || value[before] is '\'' or '"' or '`' || char.IsAsciiDigit(value[before]);
    }

    private static bool StartsStatement(ReadOnlySpan<char> value, int index, bool afterSemicolon)
    {
        var word = ReadWord(value, index);
        var after = LexChars.SkipSpaces(value, index + word.Length);
        var nextChar = after < value.Length ? value[after] : '\0';
        if (word.SequenceEqual("this") || word.SequenceEqual("db"))
        {
            return nextChar == '.';
        }

        if (word.SequenceEqual("sleep") || word.SequenceEqual("while") || word.SequenceEqual("function"))
        {
            return nextChar == '(';
        }

        if (!afterSemicolon)
        {
            return false;
        }

        if (word.SequenceEqual("return"))
        {
            return StartsExpression(value, after, index + word.Length < after || nextChar == '(');
        }

        if (word.SequenceEqual("var") || word.SequenceEqual("let") || word.SequenceEqual("const"))
        {
            return after > index + word.Length && ReadWord(value, after).Length > 0;
        }

        if (word.SequenceEqual("do"))
        {
            return nextChar == '{';
        }

        // x=new Date() — an assignment from a constructor call.
        return word.Length > 0 && nextChar == '=' && ReadWord(value, LexChars.SkipSpaces(value, after + 1)).SequenceEqual("new");
    }

    // What may follow "return" in an injected predicate: a literal, a paren, a negation or this, and after it
    // code, not more words ("return 1 item" is a shop's returns policy, "return 1;" is JavaScript).
    private static bool StartsExpression(ReadOnlySpan<char> value, int index, bool separated)
    {
        if (index >= value.Length || !separated)
        {
            return false;
        }

        var c = value[index];
        if (c is '(' or '!')
        {
            return true;
        }

        int end;
        if (c is '\'' or '"')
        {
            end = SkipLiteral(value, index);
            if (end == index)
            {
                return true;
            }
        }
        else if (char.IsAsciiDigit(c))
        {
            end = SkipLiteral(value, index);
        }
        else
        {
            var word = ReadWord(value, index);
            if (word.SequenceEqual("this"))
            {
                return true;
            }

            if (!(word.SequenceEqual("true") || word.SequenceEqual("false")))
            {
                return false;
            }

            end = index + word.Length;
        }

        end = LexChars.SkipSpaces(value, end);
        return end >= value.Length || value[end] is ';' or '=' or '!' or '&' or '|' or ')' or '}' or '<' or '>' or '+' or '-' or '/' or '.' or '\'' or '"';
    }

    // literal (== | === | != | !==) literal, with numbers or quoted strings as literals.
    private static bool StartsLiteralTautology(ReadOnlySpan<char> value, int index)
    {
        var end = SkipLiteral(value, index);
        if (end == index)
        {
            return false;
        }

        end = LexChars.SkipSpaces(value, end);
        if (end + 1 >= value.Length || value[end] is not ('=' or '!') || value[end + 1] != '=')
        {
            return false;
        }

        end += 2;
        if (end < value.Length && value[end] == '=')
        {
            end++;
        }

        end = LexChars.SkipSpaces(value, end);
        return SkipLiteral(value, end) > end || (end < value.Length && value[end] is '\'' or '"');
    }

    private static int SkipLiteral(ReadOnlySpan<char> value, int index)
    {
        if (index >= value.Length)
        {
            return index;
        }

        var c = value[index];
        if (c is '\'' or '"')
        {
            var close = value[(index + 1)..].IndexOf(c);
            return close < 0 || close > 64 ? index : index + close + 2;
        }

        var end = index;
        while (end < value.Length && char.IsAsciiDigit(value[end]))
        {
            end++;
        }

        return end;
    }

    private static ReadOnlySpan<char> ReadWord(ReadOnlySpan<char> value, int index)
    {
        var end = index;
        while (end < value.Length && (char.IsAsciiLetterOrDigit(value[end]) || value[end] == '_'))
        {
            end++;
        }

        return value[index..end];
    }
}
