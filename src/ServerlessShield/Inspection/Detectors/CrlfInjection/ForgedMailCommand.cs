using System.Buffers;

namespace ServerlessShield;

/// <summary>
/// A line that speaks a mail protocol: an SMTP command (<c>MAIL FROM:</c>, <c>RCPT TO:</c>, <c>EHLO x</c>, a lone
/// <c>DATA</c>), an IMAP command after a tag (<c>a001 SELECT INBOX</c>), or a POP3 command with its numeric
/// argument (<c>RETR 1</c>). After a line break in a value that reaches a mail server, it smuggles a command.
/// </summary>
internal static class ForgedMailCommand
{
    private static readonly SearchValues<char> DigitsAndBlank = SearchValues.Create("0123456789 ");
    private static readonly SearchValues<char> TagChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");

    private static readonly string[] SmtpPrefixes = ["MAIL FROM:", "RCPT TO:", "HELO ", "EHLO ", "VRFY ", "EXPN ", "AUTH ", "APOP ", "USER ", "PASS "];

    private static readonly string[] BareCommands = ["DATA", "QUIT", "RSET", "STARTTLS", "NOOP", "STAT", "UIDL", "CAPABILITY", "LOGOUT"];

    private static readonly SortedWordSet ImapCommands = SortedWordSet.Parse(
        "login select examine fetch store copy search append authenticate list lsub status uid " +
        "create delete rename expunge logout capability noop close subscribe unsubscribe idle starttls");

    private static readonly string[] NumberedPop3 = ["RETR ", "DELE ", "TOP ", "LIST "];

    public static bool StartsLine(ReadOnlySpan<char> line)
    {
        var end = 0;
        while (end < line.Length && line[end] is not ('\r' or '\n'))
        {
            end++;
        }

        line = line[..end].TrimEnd(' ');
        foreach (var prefix in SmtpPrefixes)
        {
            if (line.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && line.Length > prefix.Length)
            {
                return true;
            }
        }

        foreach (var command in BareCommands)
        {
            if (line.Equals(command, StringComparison.Ordinal))
            {
                return true; // upper case and alone on its line, as protocol commands are written
            }
        }

        foreach (var command in NumberedPop3)
        {
            if (line.StartsWith(command, StringComparison.OrdinalIgnoreCase) && line.Length > command.Length
                && line[command.Length..].IndexOfAnyExcept(DigitsAndBlank) < 0)
            {
                return true;
            }
        }

        // a001 SELECT INBOX: a tag with a digit (or a single letter), a blank, an IMAP command.
        var space = line.IndexOf(' ');
        if (space is > 0 and <= 8 && (line[..space].IndexOfAnyInRange('0', '9') >= 0 || space == 1) && line[..space].IndexOfAnyExcept(TagChars) < 0)
        {
            var rest = line[(space + 1)..];
            var word = rest.IndexOf(' ');
            return ImapCommands.Contains(word < 0 ? rest : rest[..word]) && (word > 0 || rest.Equals("LOGOUT", StringComparison.OrdinalIgnoreCase) || rest.Equals("NOOP", StringComparison.OrdinalIgnoreCase) || rest.Equals("CAPABILITY", StringComparison.OrdinalIgnoreCase));
        }

        return false;
    }
}
