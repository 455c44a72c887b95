using System.Buffers;

namespace ServerlessShield;

/// <summary>The shape of the token after a command word, which tells a command line from prose.</summary>
internal enum CommandArgumentKind
{
    /// <summary>Nothing follows before the end of the value or the next separator.</summary>
    End,

    /// <summary>An option: <c>-la</c>, <c>--version</c>, <c>/c</c>, <c>/all</c>.</summary>
    Option,

    /// <summary>An option that runs inline code in an interpreter: <c>-c</c>, <c>-e</c>, <c>-r</c>, <c>--eval</c>.</summary>
    CodeOption,

    /// <summary>A path: <c>/etc/passwd</c>, <c>C:\</c>, <c>~/x</c>, <c>../x</c>, <c>a/b</c>, a glob.</summary>
    Path,

    /// <summary>A variable: <c>$HOME</c>, <c>%SYSTEMROOT%</c>.</summary>
    Variable,

    /// <summary>A redirection: <c>&lt;</c>, <c>&gt;</c>, <c>2&gt;</c>.</summary>
    Redirect,

    /// <summary>A quoted string.</summary>
    Quoted,

    /// <summary>A URL.</summary>
    Url,

    /// <summary>A host address or host:port.</summary>
    Address,

    /// <summary>A file name with an extension, or a domain name.</summary>
    FileName,

    /// <summary>A bare number.</summary>
    Number,

    /// <summary>A plain word, as in prose.</summary>
    Word,
}

/// <summary>Classifies the token that follows a command word.</summary>
internal static class CommandArgument
{
    private static readonly SearchValues<char> SwitchChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ:");
    private static readonly SearchValues<char> Digits = SearchValues.Create("0123456789");
    private static readonly SearchValues<char> AddressChars = SearchValues.Create("0123456789.:");
    private static readonly SearchValues<char> PerlSwitches = SearchValues.Create("lnpaswEe");

    public static CommandArgumentKind Classify(ReadOnlySpan<char> text, int from, out int tokenEnd, out bool endsValue)
    {
        var i = from;
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        tokenEnd = i;
        endsValue = false;
        if (i >= text.Length || text[i] is ';' or '|' or '&' or '\n' or '\r' or ')' or '`' or '}')
        {
            return CommandArgumentKind.End;
        }

        var c = text[i];
        if (c is '<' or '>')
        {
            tokenEnd = i + 1;
            return CommandArgumentKind.Redirect;
        }

        if (c is '\'' or '"')
        {
            var close = text[(i + 1)..].IndexOf(c);
            tokenEnd = close < 0 ? text.Length : i + close + 2;
            return CommandArgumentKind.Quoted;
        }

        var end = i;
        while (end < text.Length && !(text[end] is ' ' or ';' or '|' or '&' or '\n' or '\r' or ')' or '`' or '<' or '>'))
        {
            end++;
        }

        tokenEnd = end;
        var token = text[i..end];
        endsValue = end >= text.Length || text[end] is ';' or '|' or '&' or '\n' or '\r' or ')' or '`';
        if (token.Length > 1 && char.IsAsciiDigit(token[0]) && token[^1] == '>')
        {
            return CommandArgumentKind.Redirect;
        }

        if (c == '-' && token.Length > 1 && (char.IsAsciiLetterOrDigit(token[1]) || token[1] == '-'))
        {
            return IsCodeOption(token) ? CommandArgumentKind.CodeOption : CommandArgumentKind.Option;
        }

        if (c == '/' && token.Length is > 1 and <= 6 && token[1..].IndexOfAnyExcept(SwitchChars) < 0)
        {
            return CommandArgumentKind.Option; // cmd.exe switches: /c, /all, /ADD, /a:d
        }

        if (c is '/' or '~' or '\\' || token is "." or ".." || token.StartsWith("./") || token.StartsWith("../")
            || (token.Length > 2 && char.IsAsciiLetter(c) && token[1] == ':' && token[2] is '\\' or '/'))
        {
            return CommandArgumentKind.Path;
        }

        if (c == '$' || (c == '%' && token.Length > 2 && char.IsAsciiLetter(token[1])))
        {
            return CommandArgumentKind.Variable;
        }

        if (token.Contains("://", StringComparison.Ordinal))
        {
            return CommandArgumentKind.Url;
        }

        if (token.IndexOfAnyExcept(Digits) < 0)
        {
            return CommandArgumentKind.Number;
        }

        if (token.IndexOfAnyExcept(AddressChars) < 0 && token.Contains('.'))
        {
            return CommandArgumentKind.Address;
        }

        if (token.IndexOfAny('/', '*', '?') >= 0)
        {
            return CommandArgumentKind.Path;
        }

        var dot = token.LastIndexOf('.');
        return dot > 0 && dot < token.Length - 1 && char.IsAsciiLetterOrDigit(token[dot + 1]) ? CommandArgumentKind.FileName : CommandArgumentKind.Word;
    }

    // python -c, perl -e / -le / -ne, ruby -e, php -r, node -e / -p / --eval, lua -e.
    private static bool IsCodeOption(ReadOnlySpan<char> token) =>
        token is "-c" or "-e" or "-E" or "-r" or "-p" or "--eval" or "--exec" or "--command" or "-command" or "-Command" or "-enc"
            or "-EncodedCommand" or "-encodedcommand" or "-ec"
        || (token.Length is > 2 and <= 4 && token[0] == '-' && token[1] != '-' && token[1..].IndexOfAnyExcept(PerlSwitches) < 0 && token.Contains('e'));
}
