namespace ServerlessShield;

/// <summary>
/// The two cmd.exe statements that carry a command inside them: <c>FOR [/D|/R|/L|/F "opts"] %%X IN (set) DO cmd</c>
/// and <c>IF [/I] [NOT] (EXIST f | DEFINED v | ERRORLEVEL n | a==b | a EQU b) cmd</c>. Their grammar (a %-variable
/// and IN (...) DO, or a batch condition followed by a command) does not occur in prose.
/// </summary>
internal static class BatchCommandSyntax
{
    private const int MaxTokens = 12;

    private static readonly SortedWordSet Conditions = new("exist", "defined", "errorlevel", "cmdextversion");

    private static readonly SortedWordSet ComparisonWords = new("equ", "neq", "lss", "leq", "gtr", "geq");

    private static readonly SortedWordSet BatchCommands = SortedWordSet.Parse(
        "echo goto set call exit cmd md mkdir cd del copy start rem pause type dir " +
        "move ren rd for if shift setlocal endlocal pushd popd title cls color ver @echo");

    /// <summary>Whether a FOR statement follows; <paramref name="from"/> is just after the FOR keyword.</summary>
    public static bool IsFor(ReadOnlySpan<char> text, int from)
    {
        var i = from;
        for (var token = 0; token < MaxTokens; token++)
        {
            var word = NextToken(text, ref i);
            if (word.IsEmpty)
            {
                return false;
            }

            if (word[0] == '%' && word.Length >= 2)
            {
                // The loop variable, then IN (set) DO.
                var keyword = NextToken(text, ref i);
                if (!keyword.Equals("in", StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }

                while (i < text.Length && text[i] == ' ')
                {
                    i++;
                }

                if (i >= text.Length || text[i] != '(')
                {
                    return false;
                }

                // The set may hold a nested command with its own parentheses: ('cmd /c "set /a (1+2)"').
                var depth = 0;
                for (; i < text.Length; i++)
                {
                    depth += text[i] switch { '(' => 1, ')' => -1, _ => 0 };
                    if (depth == 0)
                    {
                        break;
                    }
                }

                if (i >= text.Length)
                {
                    return false;
                }

                i++;
                var doWord = NextToken(text, ref i);
                return doWord.Equals("do", StringComparison.OrdinalIgnoreCase);
            }

            // Only switches and their arguments come before the variable: /D /R path /L /F "tokens=1,2".
            if (token == 0 && word[0] != '/')
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Whether an IF statement follows; <paramref name="from"/> is just after the IF keyword.</summary>
    public static bool IsIf(ReadOnlySpan<char> text, int from)
    {
        var i = from;
        var evidence = false;
        var word = NextToken(text, ref i);
        if (word.Equals("/i", StringComparison.OrdinalIgnoreCase))
        {
            evidence = true;
            word = NextToken(text, ref i);
        }

        if (word.Equals("not", StringComparison.OrdinalIgnoreCase))
        {
            word = NextToken(text, ref i);
        }

        if (word.IsEmpty)
        {
            return false;
        }

        if (Conditions.Contains(word))
        {
            var operand = NextToken(text, ref i);
            return !operand.IsEmpty && !NextToken(text, ref i).IsEmpty;
        }

        // (2 GEQ 15): the whole comparison in parentheses.
        if (word[0] == '(' && ContainsComparisonWord(word))
        {
            return !NextToken(text, ref i).IsEmpty;
        }

        // a==b written as one token, or a == b, or a EQU b.
        var left = word;
        ReadOnlySpan<char> right;
        var equals = left.IndexOf("==", StringComparison.Ordinal);
        if (equals >= 0)
        {
            right = left[(equals + 2)..];
            left = left[..equals];
            if (right.IsEmpty)
            {
                right = NextToken(text, ref i);
            }
        }
        else
        {
            var op = NextToken(text, ref i);
            if (op.StartsWith("==", StringComparison.Ordinal))
            {
                right = op.Length > 2 ? op[2..] : NextToken(text, ref i);
            }
            else if (ComparisonWords.Contains(op))
            {
                evidence = true;
                right = NextToken(text, ref i);
            }
            else
            {
                return false;
            }
        }

        var command = NextToken(text, ref i);
        if (left.IsEmpty || right.IsEmpty || command.IsEmpty)
        {
            return false;
        }

        return evidence || IsBatchOperand(left) || IsBatchOperand(right) || BatchCommands.Contains(command) || command[0] == '(';
    }

    private static bool ContainsComparisonWord(ReadOnlySpan<char> group)
    {
        var inner = group.Trim("()");
        var i = 0;
        while (i < inner.Length)
        {
            var token = NextToken(inner, ref i);
            if (token.IsEmpty)
            {
                return false;
            }

            if (ComparisonWords.Contains(token) || token.Contains("==", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // %1, %var%, !var!, "quoted", [bracketed], (parenthesised): how batch files write comparison operands.
    private static bool IsBatchOperand(ReadOnlySpan<char> operand) =>
        operand.Contains('%') || operand.Contains('!') || operand[0] is '"' or '[' or '(' or '{';

    // The next blank-separated token; a quoted or parenthesised token may contain blanks.
    private static ReadOnlySpan<char> NextToken(ReadOnlySpan<char> text, scoped ref int i)
    {
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        var start = i;
        if (i >= text.Length)
        {
            return default;
        }

        if (text[i] is '"' or '(')
        {
            var close = text[(i + 1)..].IndexOf(text[i] == '"' ? '"' : ')');
            i = close < 0 ? text.Length : i + close + 2;
        }

        while (i < text.Length && text[i] is not (' ' or '\n' or '&' or '|' or '('))
        {
            i++;
        }

        return text[start..i];
    }
}
