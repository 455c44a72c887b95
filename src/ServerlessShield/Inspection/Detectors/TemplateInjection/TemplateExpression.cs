namespace ServerlessShield;

// Decides whether the text inside a template tag does more than print a variable. Printing a name or a filtered
// name ({{ name|title }}, #{name}, ${arr[1]}) is what templates in data legitimately look like; an attack probes
// with literal arithmetic ({{7*7}}, ${7*'7'}), calls something (config.items(), ex("id"), T(java.lang.Runtime)),
// climbs through dunder or reflection members (''.__class__, x.getClass().forName), starts from an object that
// exposes the engine or runtime (self, request, _self, smarty...), assigns, constructs (new File(...)), uses a
// FreeMarker built-in (?new), shells out with backticks or %x||, nests another engine's tag (a polyglot), or prints
// a markup literal to test output escaping. Method calls on page data ({{ message.split('') }}) are left alone.
internal static class TemplateExpression
{
    private enum Token
    {
        None,
        Identifier,
        Number,
        String,
        Close,
        Dot,
        Operator,
    }

    public static bool IsSuspicious(ReadOnlySpan<char> content)
    {
        // {{.}} prints the whole data context of a Go template.
        if (content.Trim().SequenceEqual("."))
        {
            return true;
        }

        var previous = Token.None;
        var arithmeticPending = false;
        var afterNew = false;

        // Whether the member chain being read started from a plain page variable (user.name.trim): calling a
        // method on page data is what templates do ({{ message.split('') }}); calling from a literal, a group, a
        // class or a bare function is how payloads start.
        var plainChain = false;

        // The chain's plainness survives a call's argument list: message.split('').reverse() stays plain.
        var savedChains = 0UL;
        var callDepth = 0;
        for (var i = 0; i < content.Length; i++)
        {
            var c = content[i];
            if (LexChars.IsSpace(c))
            {
                continue;
            }

            var current = Token.Operator;
            if (c is '\'' or '"')
            {
                var start = i;
                i = SkipString(content, i);

                // {{ '<script>...' }}: printing a markup literal tests whether the engine escapes its output.
                if (HasMarkup(content[start..Math.Min(i + 1, content.Length)]))
                {
                    return true;
                }

                current = Token.String;
                plainChain = false;
            }
            else if (c == '(' && !IsSuspiciousPunctuation(content, i, previous, plainChain))
            {
                savedChains = callDepth < 64 ? (savedChains & ~(1UL << callDepth)) | ((plainChain ? 1UL : 0UL) << callDepth) : savedChains;
                callDepth++;
                plainChain = false;
            }
            else if (char.IsAsciiDigit(c) && previous != Token.Identifier)
            {
                while (i + 1 < content.Length && (char.IsAsciiDigit(content[i + 1]) || (content[i + 1] == '.' && i + 2 < content.Length && char.IsAsciiDigit(content[i + 2]))))
                {
                    i++;
                }

                current = Token.Number;
            }
            else if (char.IsAsciiLetter(c) || c is '_' or '$' || (c == '#' && i + 1 < content.Length && (char.IsAsciiLetter(content[i + 1]) || content[i + 1] == '_')))
            {
                // OGNL names its context variables with "#" (#_memberAccess, #context).
                if (c == '#')
                {
                    i++;
                }

                var start = i;
                while (i + 1 < content.Length && (LexChars.IsWordChar(content[i + 1]) || content[i + 1] == '$'))
                {
                    i++;
                }

                // Ruby and Elixir method names may end in ! or ?: File.read!("/etc/passwd").
                if (i + 2 < content.Length && content[i + 1] is '!' or '?' && content[i + 2] == '(')
                {
                    return true;
                }

                var word = content[start..(i + 1)].TrimStart('$');
                if (IsSensitiveWord(word, previous == Token.Dot) || afterNew)
                {
                    return true;
                }

                afterNew = word.SequenceEqual("new");
                if (previous != Token.Dot)
                {
                    // A chain root: plain unless it is called straight away (dump(app), include("x")).
                    plainChain = false;
                    var next = i + 1;
                    while (next < content.Length && LexChars.IsSpace(content[next]))
                    {
                        next++;
                    }

                    // Capitalised roots are classes and constants (File.open, IO.popen, Runtime.getRuntime), not page data.
                    plainChain = next < content.Length && content[next] == '.' && !char.IsAsciiLetterUpper(word.Length > 0 ? word[0] : 'A');
                }

                current = Token.Identifier;
            }
            else if (IsSuspiciousPunctuation(content, i, previous, plainChain))
            {
                return true;
            }
            else if (c is ')' or ']')
            {
                current = Token.Close;
                if (c == ')' && callDepth > 0)
                {
                    callDepth--;
                    plainChain = callDepth < 64 && (savedChains & (1UL << callDepth)) != 0;
                }
            }
            else if (c == '.')
            {
                current = Token.Dot;
            }

            if (arithmeticPending && current is Token.Number or Token.String)
            {
                return true;
            }

            arithmeticPending = c is '*' or '+' or '-' or '/' or '%' && previous is Token.Number or Token.String;
            if (c == '*' && i + 1 < content.Length && content[i + 1] == '*')
            {
                i++;
            }

            previous = current;
        }

        return false;
    }

    private static bool IsSensitiveWord(ReadOnlySpan<char> word, bool isMember)
    {
        // Python dunders (__class__, __globals__) and name-mangled internals (_TemplateReference__context).
        if (word.IndexOf("__", StringComparison.Ordinal) >= 0 && word.Length > 2)
        {
            return true;
        }

        return isMember ? TemplateKeywords.SensitiveMembers.Contains(word) : TemplateKeywords.SensitiveRoots.Contains(word);
    }

    private static bool IsSuspiciousPunctuation(ReadOnlySpan<char> content, int i, Token previous, bool plainChain)
    {
        var c = content[i];
        var next = i + 1 < content.Length ? content[i + 1] : '\0';
        switch (c)
        {
            // A call: name(, x)(, ''.f(
            case '(':
                return previous is Token.Close or Token.String || (previous == Token.Identifier && !plainChain);

            // Ruby backticks run a command (`id`); in other engines they are no business of a data value either. A
            // lone backtick runs nothing: generated strings (passwords, keys) hold them at random.
            case '`':
                return content[(i + 1)..].Contains('`');

            // Ruby %x|cmd| / %x(cmd).
            case '%' when next == 'x' && i + 2 < content.Length && !LexChars.IsWordChar(content[i + 2]) && !LexChars.IsSpace(content[i + 2]):
                return true;

            // An assignment (x=Object), not ==, !=, <=, >=, => or =~.
            case '=':
                return previous == Token.Identifier && next is not ('=' or '>' or '~') && (i == 0 || content[i - 1] is not ('!' or '<' or '>' or '='));

            // A FreeMarker built-in glued to its operand: "x"?new(), 6?lower_abc.
            case '?':
                return char.IsAsciiLetter(next) && previous is Token.Identifier or Token.Close or Token.String or Token.Number && i > 0 && !LexChars.IsSpace(content[i - 1]);

            // A filter applied to a number literal: {{364|add:733}}.
            case '|':
                return previous == Token.Number && char.IsAsciiLetter(next);

            // Another engine's tag inside this one: a polyglot probe such as ${{<%[%'"}}.
            case '<':
                return next == '%';

            // OGNL static member access: @java.lang.Runtime@getRuntime().
            case '@':
                return IsStaticMemberAccess(content, i + 1);

            default:
                return false;
        }
    }

    private static bool HasMarkup(ReadOnlySpan<char> literal)
    {
        var open = literal.IndexOf('<');
        return open >= 0 && open + 1 < literal.Length && char.IsAsciiLetter(literal[open + 1]) && literal[open..].IndexOf('>') > 0;
    }

    private static bool IsStaticMemberAccess(ReadOnlySpan<char> content, int start)
    {
        var end = start;
        var dots = 0;
        while (end < content.Length && (LexChars.IsWordChar(content[end]) || content[end] == '.'))
        {
            dots += content[end] == '.' ? 1 : 0;
            end++;
        }

        return dots > 0 && end < content.Length && content[end] == '@';
    }

    private static int SkipString(ReadOnlySpan<char> content, int start)
    {
        var quote = content[start];
        for (var i = start + 1; i < content.Length; i++)
        {
            if (content[i] == '\\')
            {
                i++;
            }
            else if (content[i] == quote)
            {
                return i;
            }
        }

        return content.Length - 1;
    }
}
