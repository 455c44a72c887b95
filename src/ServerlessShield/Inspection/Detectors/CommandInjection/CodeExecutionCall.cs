namespace ServerlessShield;

/// <summary>
/// Calls that hand a string to the system shell from inside code (PHP <c>system('id')</c>, Python
/// <c>os.system("id")</c>, Node <c>child_process.exec</c>, server-side include <c>&lt;!--#exec cmd="..."--&gt;</c>),
/// the PHP web-shell idioms (<c>system($_GET[...])</c>, <c>{${...}}</c>, <c>{$_GET[...]}</c>), and <c>phpinfo()</c>. The string of a
/// call is a command position of its own.
/// </summary>
internal static class CodeExecutionCall
{
    private static readonly string[] Functions =
    [
        "system(", "exec(", "shell_exec(", "passthru(", "popen(", "proc_open(", "pcntl_exec(", "eval(", "assert(", "os.system(",
        "os.popen(", "subprocess.call(", "subprocess.run(", "subprocess.popen(", "subprocess.check_output(", "execsync(", "spawn(",
        "spawnsync(", "runtime.getruntime().exec(", "processbuilder(", "exec cmd=",
    ];

    public static bool Any(ReadOnlySpan<char> text)
    {
        // Every call below has its '(' (or "cmd=", or a PHP variable's '$').
        if (DetectorShortcuts.Enabled && text.IndexOfAny('(', '=', '$') < 0)
        {
            return false;
        }

        if (text.Contains("phpinfo()", StringComparison.OrdinalIgnoreCase) || text.Contains("{${", StringComparison.Ordinal)
            || text.Contains("${@", StringComparison.Ordinal) || text.Contains("{$_", StringComparison.Ordinal))
        {
            return true;
        }

        foreach (var function in Functions)
        {
            var from = 0;
            while (from < text.Length)
            {
                var at = text[from..].IndexOf(function, StringComparison.OrdinalIgnoreCase);
                if (at < 0)
                {
                    break;
                }

                at += from;
                from = at + function.Length;
                if (at > 0 && (char.IsAsciiLetterOrDigit(text[at - 1]) || text[at - 1] == '_'))
                {
                    continue; // ecosystem(, executor(
                }

                var argument = from;
                while (argument < text.Length && text[argument] == ' ')
                {
                    argument++;
                }

                if (argument >= text.Length)
                {
                    continue;
                }

                if (text[argument] == '$' && text[argument..].StartsWith("$_", StringComparison.Ordinal))
                {
                    return true; // system($_GET['cmd'])
                }

                if (text[argument] is '\'' or '"' or '`' && InjectedCommandLine.StartsAt(text, argument + 1, CommandPosition.Substitution))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
