namespace ServerlessShield;

/// <summary>
/// Decides whether a command line starts at a given command position: reads the command word (see
/// <see cref="ShellWordReader"/>), looks it up (<see cref="ShellCommandLexicon"/>) and weighs it against what follows
/// (<see cref="CommandArgument"/>) and where it stands (<see cref="CommandPosition"/>). A word that is also English
/// needs command-like arguments; an obfuscated command name needs nothing more.
/// </summary>
internal static class InjectedCommandLine
{
    private const int MaxHops = 6;
    private const int Window = 384;
    private const int ScratchLength = 64;

    // Commands whose bare numeric argument reads as a command line (sleep 10, ping 3, kill 9).
    private static readonly SortedWordSet NumericCommands = SortedWordSet.Parse(
        "sleep usleep timeout kill ping wait exit nice seq at");

    // Builtins that only change the shell's own state; a line starting with one is configuration, not an injection.
    private static readonly SortedWordSet StateBuiltins = SortedWordSet.Parse(
        "export unset declare typeset local readonly let shopt umask hash enable getopts history jobs fg bg disown alias set setx cd chdir");

    // Commands that look another command up (which perl, type whoami).
    private static readonly SortedWordSet LookupCommands = SortedWordSet.Parse(
        "which whereis type command whatis where man help");

    // Commands whose quoted argument makes a command line (echo "<?php ...?>" > x.php).
    private static readonly SortedWordSet PrintCommands = new("echo", "printf", "print");

    // NamesNoCommand for every word of one or two ASCII letters, worked out once: separators in punctuation-dense text
    // are mostly followed by such a word ("a; b", "x | y"), and the lookup is most of what a separator costs.
    private static readonly bool[] PlainShortWords = BuildPlainShortWords();

    // Whether the command position at position holds a plain word that names no command, so that StartsAt is false
    // there: callers skip what they would only work out for StartsAt.
    public static bool HoldsPlainNonCommandWord(ReadOnlySpan<char> value, int position)
    {
        if (!DetectorShortcuts.Enabled)
        {
            return false;
        }

        var text = value[..Math.Min(value.Length, position + Window)];
        var first = position;
        while (first < text.Length && text[first] == ' ')
        {
            first++;
        }

        return first < text.Length && IsPlainNonCommandWord(text, first);
    }

    // Most text starts with a word of letters that names no command: ended by a character that ends a shell word, it
    // has nothing for the word reader to undo (no quote, escape, variable, glob, slash, '=' or '-'), so it is its own
    // command name, and the loop below would stop at that name. for, if and alias have grammar of their own.
    private static bool IsPlainNonCommandWord(ReadOnlySpan<char> text, int start)
    {
        var end = start;
        while (end < text.Length && char.IsAsciiLetter(text[end]))
        {
            end++;
        }

        if (end == start || end - start > ScratchLength || (end < text.Length && !ShellWordReader.IsTerminator(text[end])))
        {
            return false;
        }

        var word = text[start..end];
        return word.Length <= 2 ? PlainShortWords[ShortWordIndex(word)] : NamesNoCommand(word);
    }

    private static bool NamesNoCommand(ReadOnlySpan<char> word) =>
        ShellCommandLexicon.Classify(word) == ShellCommandKind.None && !word.Equals("for", StringComparison.OrdinalIgnoreCase)
        && !word.Equals("if", StringComparison.OrdinalIgnoreCase) && !word.Equals("alias", StringComparison.OrdinalIgnoreCase);

    private static bool[] BuildPlainShortWords()
    {
        const string Letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        var plain = new bool[Letters.Length * (Letters.Length + 1)];
        Span<char> word = stackalloc char[2];
        foreach (var first in Letters)
        {
            word[0] = first;
            plain[ShortWordIndex(word[..1])] = NamesNoCommand(word[..1]);
            foreach (var second in Letters)
            {
                word[1] = second;
                plain[ShortWordIndex(word)] = NamesNoCommand(word);
            }
        }

        return plain;
    }

    // A word of one or two ASCII letters as an index: the 52 one-letter words, then the two-letter ones.
    private static int ShortWordIndex(ReadOnlySpan<char> word)
    {
        static int Letter(char c) => c <= 'Z' ? c - 'A' : c - 'a' + 26;
        return word.Length == 1 ? Letter(word[0]) : 52 + (Letter(word[0]) * 52) + Letter(word[1]);
    }

    // The scratch buffers are written before they are read (ShellWordReader, CommandName): no need to zero them.
    [System.Runtime.CompilerServices.SkipLocalsInit]
    public static bool StartsAt(ReadOnlySpan<char> value, int position, CommandPosition where)
    {
        // A command line is judged on a bounded window, which keeps the whole scan linear in the value's length.
        var text = value[..Math.Min(value.Length, position + Window)];
        var first = position;
        while (first < text.Length && text[first] == ' ')
        {
            first++;
        }

        if (first >= text.Length || (ShellWordReader.IsTerminator(text[first]) && text[first] != '('))
        {
            return false; // nothing, or another separator, follows
        }

        if (DetectorShortcuts.Enabled && IsPlainNonCommandWord(text, first))
        {
            return false;
        }

        Span<char> scratch = stackalloc char[ScratchLength];
        Span<char> name = stackalloc char[ScratchLength];
        Span<char> subcommand = stackalloc char[ScratchLength];
        var afterAssignment = false;
        for (var hop = 0; hop < MaxHops; hop++)
        {
            position = SkipBlanks(text, position, where);
            if (position >= text.Length)
            {
                return false;
            }

            if (text[position] == '(' || (text[position] == '{' && position + 1 < text.Length && text[position + 1] == ' '))
            {
                position++; // a subshell or command group
                continue;
            }

            var end = ShellWordReader.Read(text, position, scratch, out var word);
            if (word.IsVariable)
            {
                // $SHELL -c runs a shell; $a$b$c glues a command together; $a runs what a=... assigned earlier; any
                // other lone variable ($u wget) expands to nothing.
                var after = CommandArgument.Classify(text, end, out _, out _);
                if (after == CommandArgumentKind.CodeOption || (word.Variables >= 2 && where != CommandPosition.ValueStart)
                    || VariableHoldsCommand(value[Math.Max(0, position - Window)..position], text[position..end]))
                {
                    return true;
                }

                position = end;
                continue;
            }

            if (word.Length == 0 || word.Length > ScratchLength)
            {
                return false;
            }

            if (word.IsAssignment)
            {
                // NAME=value cmd: a POSIX assignment prefix before the command, which must then be lower case.
                if (end < text.Length && text[end] == ' ')
                {
                    position = end;
                    afterAssignment = true;
                    continue;
                }

                return false;
            }

            if (afterAssignment && scratch[..Math.Min(word.Length, ScratchLength)].IndexOfAnyInRange('A', 'Z') >= 0)
            {
                return false;
            }

            // print(x), sort(items): a call in a programming language. A shell reads "name(" as a syntax error, and
            // "name()" defines a function rather than running the command.
            if (end < text.Length && text[end] == '(')
            {
                return false;
            }

            // let's, who's, time's: an apostrophe between letters with no partner is English. A shell would read it
            // as a quote that never closes, a syntax error.
            if (end + 1 < text.Length && text[end] == '\'' && char.IsAsciiLetter(text[end + 1]) && text[(end + 1)..].IndexOf('\'') < 0)
            {
                return false;
            }

            var raw = scratch[..word.Length];
            if (word.Globbed && IsGlobbedCommandPath(raw))
            {
                return true; // /???/??t, /bin/ca?: a command reached through a glob
            }

            var command = CommandName(raw, name);
            if (IsBinaryPath(raw) && !IsProseCase(raw) && (ShellCommandLexicon.Classify(command) != ShellCommandKind.None || !raw[(raw.LastIndexOf('/') + 1)..].Contains('.')))
            {
                return true; // /bin/ls, /usr/bin/id, bin/visudo, /bin/ab
            }

            if (command.Equals("for", StringComparison.OrdinalIgnoreCase))
            {
                return where != CommandPosition.Substitution && BatchCommandSyntax.IsFor(text, end);
            }

            if (command.Equals("if", StringComparison.OrdinalIgnoreCase))
            {
                return where != CommandPosition.Substitution && BatchCommandSyntax.IsIf(text, end);
            }

            if (command.Equals("alias", StringComparison.OrdinalIgnoreCase))
            {
                return AliasDefinesCommand(text, end);
            }

            if (PowerShellCmdlet.Is(command))
            {
                return where != CommandPosition.ValueStart || CommandArgument.Classify(text, end, out _, out _) != CommandArgumentKind.End;
            }

            var kind = ShellCommandLexicon.Classify(command);
            if (kind == ShellCommandKind.None)
            {
                return false;
            }

            var english = ShellCommandLexicon.IsEnglishWord(command);
            if (word.Obfuscated || where == CommandPosition.Substitution)
            {
                return true;
            }

            if (IsProseCase(raw) && (english || where == CommandPosition.ValueStart))
            {
                return false; // "Cat food", "Find your way", "Wget is handy": capitalised prose
            }

            var argument = CommandArgument.Classify(text, end, out var argumentEnd, out var argumentEndsValue);
            if (argument == CommandArgumentKind.Word && ShellCommandLexicon.IsSubcommand(command, SubcommandWord(text, end, subcommand)))
            {
                return true; // net user, reg add, sc query
            }

            switch (kind)
            {
                case ShellCommandKind.Prefix:
                {
                    // sudo -u root id, timeout 5 sh, env -i bash: skip the prefix's own options, then a command must follow.
                    var next = end;
                    var nextArgument = argument;
                    for (var k = 0; k < 3 && nextArgument is CommandArgumentKind.Option or CommandArgumentKind.Number or CommandArgumentKind.CodeOption; k++)
                    {
                        next = argumentEnd;
                        nextArgument = CommandArgument.Classify(text, next, out argumentEnd, out _);
                    }

                    if (nextArgument is CommandArgumentKind.Word or CommandArgumentKind.Path or CommandArgumentKind.Quoted or CommandArgumentKind.FileName
                        && FollowedByCommand(text, next, anyCommand: true))
                    {
                        position = next;
                        where = where == CommandPosition.AfterSeparatorInProse ? where : CommandPosition.AfterSeparator;
                        continue;
                    }

                    return IsCommandLine(english ? ShellCommandKind.Common : ShellCommandKind.Exotic, command, where, argument, argumentEndsValue, text, end);
                }

                default:
                    return IsCommandLine(english && kind is ShellCommandKind.Exotic or ShellCommandKind.Recon ? ShellCommandKind.Common : kind, command, where, argument, argumentEndsValue, text, end);
            }
        }

        return false;
    }

    private static bool IsCommandLine(ShellCommandKind kind, ReadOnlySpan<char> command, CommandPosition where, CommandArgumentKind argument, bool argumentEndsValue, ReadOnlySpan<char> text, int end)
    {
        var chained = where is CommandPosition.AfterSeparator or CommandPosition.AfterSeparatorInProse;
        var inProse = where == CommandPosition.AfterSeparatorInProse;
        switch (kind)
        {
            case ShellCommandKind.Recon:
                return true;

            case ShellCommandKind.Interpreter:
                return argument == CommandArgumentKind.CodeOption || (argument == CommandArgumentKind.Option && HasCodeOptionLater(text, end))
                    || (chained && argument != CommandArgumentKind.Word);

            case ShellCommandKind.Shell:
                // A lone shell name that is also a word (fish, dash) needs the company of a flag or path.
                return argument is CommandArgumentKind.Option or CommandArgumentKind.CodeOption or CommandArgumentKind.Redirect or CommandArgumentKind.Path
                    || (chained && !inProse && !ShellCommandLexicon.IsEnglishWord(command) && argument is CommandArgumentKind.End or CommandArgumentKind.Quoted)
                    || (chained && !inProse && argument == CommandArgumentKind.Quoted);

            case ShellCommandKind.Exotic:
                // At the start of the value a lone tool name is a word ("lastlog"); with arguments it is a command line.
                // Followed by a run of plain words it is prose about the tool ("| grep the logs for it").
                if (argument == CommandArgumentKind.Word && ContinuesAsProse(text, end))
                {
                    return false;
                }

                return chained || argument != CommandArgumentKind.End || command.Contains('-');

            default:
                if (chained)
                {
                    return argument switch
                    {
                        // a;echo vulnerable: an echo marker chained in, unless the value is a sentence.
                        CommandArgumentKind.Word => !inProse && PrintCommands.Contains(command),
                        CommandArgumentKind.End => !inProse,
                        // a;sleep 5, a|echo 12345: a delay, or a marker of digits echoed back.
                        CommandArgumentKind.Number => !inProse && (NumericCommands.Contains(command) || PrintCommands.Contains(command)),
                        _ => true,
                    };
                }

                if (StateBuiltins.Contains(command) && !(command is "cd" && argument == CommandArgumentKind.Path && FollowedByChainedCommand(text, end)))
                {
                    return false;
                }

                return argument switch
                {
                    CommandArgumentKind.Option or CommandArgumentKind.CodeOption or CommandArgumentKind.Path or CommandArgumentKind.Variable
                        or CommandArgumentKind.Redirect or CommandArgumentKind.Url => true,
                    CommandArgumentKind.Quoted => PrintCommands.Contains(command),
                    CommandArgumentKind.Number or CommandArgumentKind.Address => NumericCommands.Contains(command) && argumentEndsValue,
                    CommandArgumentKind.Word => FollowedByCommand(text, end, anyCommand: argumentEndsValue && LookupCommands.Contains(command)),
                    _ => false,
                };
        }
    }

    // which gcc, time ifconfig: the next word is itself a command (one that is not an English word, unless any will do).
    private static bool FollowedByCommand(ReadOnlySpan<char> text, int from, bool anyCommand)
    {
        Span<char> scratch = stackalloc char[ScratchLength];
        Span<char> name = stackalloc char[ScratchLength];
        var start = from;
        while (start < text.Length && text[start] == ' ')
        {
            start++;
        }

        if (start >= text.Length)
        {
            return false;
        }

        ShellWordReader.Read(text, start, scratch, out var word);
        if (word.Length == 0 || word.Length > ScratchLength)
        {
            return false;
        }

        var command = CommandName(scratch[..word.Length], name);
        var kind = ShellCommandLexicon.Classify(command);
        return kind != ShellCommandKind.None && !IsProseCase(scratch[..word.Length])
            && (anyCommand || word.Obfuscated || !ShellCommandLexicon.IsEnglishWord(command) || IsBinaryPath(scratch[..word.Length]));
    }

    // The plain word after a command, lower-cased, for the subcommand check.
    private static ReadOnlySpan<char> SubcommandWord(ReadOnlySpan<char> text, int from, Span<char> buffer)
    {
        var start = from;
        while (start < text.Length && text[start] == ' ')
        {
            start++;
        }

        var end = start;
        while (end < text.Length && char.IsAsciiLetter(text[end]) && end - start < buffer.Length)
        {
            buffer[end - start] = LexChars.FoldForAscii(text[end]);
            end++;
        }

        return buffer[..(end - start)];
    }

    // a=nc&&$a -nlvp 555: the variable was assigned a command name earlier in the value.
    private static bool VariableHoldsCommand(ReadOnlySpan<char> text, ReadOnlySpan<char> reference)
    {
        var variable = reference.Trim("${}");
        if (variable.IsEmpty || variable.Length > 32 || variable.IndexOfAny('$', '{') >= 0)
        {
            return false;
        }

        Span<char> pattern = stackalloc char[variable.Length + 1];
        variable.CopyTo(pattern);
        pattern[^1] = '=';
        var at = text.IndexOf(pattern, StringComparison.Ordinal);
        while (at >= 0)
        {
            if (at == 0 || !char.IsAsciiLetterOrDigit(text[at - 1]))
            {
                Span<char> scratch = stackalloc char[ScratchLength];
                Span<char> name = stackalloc char[ScratchLength];
                var valueStart = at + pattern.Length;
                ShellWordReader.Read(text, valueStart, scratch, out var word);
                return word.Length is > 0 and <= ScratchLength && !word.IsVariable
                    && ShellCommandLexicon.Classify(CommandName(scratch[..word.Length], name)) != ShellCommandKind.None;
            }

            var next = text[(at + 1)..].IndexOf(pattern, StringComparison.Ordinal);
            at = next < 0 ? -1 : at + 1 + next;
        }

        return false;
    }

    // cd /;cd etc: a directory change chained straight into another command.
    private static bool FollowedByChainedCommand(ReadOnlySpan<char> text, int from)
    {
        var kind = CommandArgument.Classify(text, from, out var argumentEnd, out _);
        return kind == CommandArgumentKind.Path && argumentEnd < text.Length && text[argumentEnd] is ';' or '&' or '|';
    }

    // Blanks before a word ('+' for a blank is form encoding, which the canonical form decodes); at the start of the
    // value also a quote that closes the string the value lands in (' whoami).
    private static int SkipBlanks(ReadOnlySpan<char> text, int position, CommandPosition where)
    {
        while (position < text.Length)
        {
            var c = text[position];
            var closingQuote = where == CommandPosition.ValueStart && c is '\'' or '"' && position + 1 < text.Length && text[position + 1] == ' ';
            if (c != ' ' && !closingQuote)
            {
                break;
            }

            position++;
        }

        return position;
    }

    // Three plain words in a row after the command: a sentence, not arguments.
    private static bool ContinuesAsProse(ReadOnlySpan<char> text, int from)
    {
        var at = from;
        for (var k = 0; k < 3; k++)
        {
            var kind = CommandArgument.Classify(text, at, out at, out _);
            if (kind != CommandArgumentKind.Word)
            {
                return false;
            }
        }

        return true;
    }

    // perl -MIO -e, ruby -rsocket -e: the code flag may come after other options.
    private static bool HasCodeOptionLater(ReadOnlySpan<char> text, int from)
    {
        var at = from;
        for (var k = 0; k < 3; k++)
        {
            var kind = CommandArgument.Classify(text, at, out at, out _);
            if (kind == CommandArgumentKind.CodeOption)
            {
                return true;
            }

            if (kind != CommandArgumentKind.Option)
            {
                return false;
            }
        }

        return false;
    }

    // alias x=curl, alias ll='ls -al': an alias whose body starts with a command.
    private static bool AliasDefinesCommand(ReadOnlySpan<char> text, int from)
    {
        var i = from;
        for (var k = 0; k < 4; k++)
        {
            while (i < text.Length && text[i] == ' ')
            {
                i++;
            }

            var start = i;
            while (i < text.Length && text[i] is not (' ' or ';' or '&' or '|' or '\n'))
            {
                if (text[i] is '\'' or '"')
                {
                    var close = text[(i + 1)..].IndexOf(text[i]);
                    i = close < 0 ? text.Length : i + close + 2;
                    continue;
                }

                i++;
            }

            var token = text[start..i];
            var equals = token.IndexOf('=');
            if (equals > 0)
            {
                var body = token[(equals + 1)..].Trim("'\"");
                Span<char> scratch = stackalloc char[ScratchLength];
                Span<char> name = stackalloc char[ScratchLength];
                ShellWordReader.Read(body, 0, scratch, out var word);
                return word.Length is > 0 and <= ScratchLength && ShellCommandLexicon.Classify(CommandName(scratch[..word.Length], name)) != ShellCommandKind.None;
            }

            if (token.IsEmpty)
            {
                return false;
            }
        }

        return false;
    }

    // The command a word names: the base name of a path, lower-cased, without a Windows executable extension.
    private static ReadOnlySpan<char> CommandName(ReadOnlySpan<char> word, Span<char> buffer)
    {
        var slash = word.LastIndexOfAny('/', '\\');
        var baseName = slash >= 0 ? word[(slash + 1)..] : word;
        foreach (var extension in (ReadOnlySpan<string>)[".exe", ".com", ".bat", ".cmd"])
        {
            if (baseName.Length > extension.Length && baseName.EndsWith(extension, StringComparison.OrdinalIgnoreCase)
                && !baseName.Equals("cmd.exe", StringComparison.OrdinalIgnoreCase) && !baseName.Equals("command.com", StringComparison.OrdinalIgnoreCase))
            {
                baseName = baseName[..^extension.Length];
                break;
            }
        }

        var length = Math.Min(baseName.Length, buffer.Length);
        for (var i = 0; i < length; i++)
        {
            buffer[i] = LexChars.FoldForAscii(baseName[i]);
        }

        // A name a shell would run as spelled ("ls", "DIR", any PowerShell cmdlet); "LS" and "xZ" name nothing.
        var folded = buffer[..length];
        return ShellCommandLexicon.IsShellCased(baseName) || PowerShellCmdlet.Is(folded) ? folded : [];
    }

    // /???/??t, /usr/bin/ca?, /b??/s[h]: short path segments of letters and wildcards, the way a binary is reached
    // without spelling its name. A URL path with a query string is not one.
    private static bool IsGlobbedCommandPath(ReadOnlySpan<char> word)
    {
        if (word.Length < 4 || word[0] != '/' || word[^1] == '/')
        {
            return false;
        }

        var segments = 0;
        var wildcard = false;
        foreach (var c in word[1..])
        {
            if (c == '/')
            {
                segments++;
                continue;
            }

            if (c is '?' or '*')
            {
                wildcard = true;
                continue;
            }

            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return wildcard && segments is >= 1 and <= 4;
    }

    // /bin/x, /usr/local/sbin/x, bin/x: a command invoked by its installed path.
    private static bool IsBinaryPath(ReadOnlySpan<char> word)
    {
        var slash = word.LastIndexOf('/');
        if (slash <= 0)
        {
            return false;
        }

        var directory = word[..slash];
        return directory.EndsWith("/bin", StringComparison.Ordinal) || directory.EndsWith("/sbin", StringComparison.Ordinal)
            || directory is "bin" or "sbin" || directory.EndsWith("/bi?", StringComparison.Ordinal);
    }

    // Capitalised like a sentence's first word or a name ("Cat", "Netstat"): prose, not a command. Commands are
    // lower case, cmd.exe ones sometimes upper case, and WhOaMi-style case games are obfuscation, not prose.
    private static bool IsProseCase(ReadOnlySpan<char> word)
    {
        var letters = 0;
        foreach (var c in word)
        {
            if (!char.IsAsciiLetter(c))
            {
                continue;
            }

            if (letters == 0 ? !char.IsAsciiLetterUpper(c) : char.IsAsciiLetterUpper(c))
            {
                return false;
            }

            letters++;
        }

        return letters > 1;
    }
}
