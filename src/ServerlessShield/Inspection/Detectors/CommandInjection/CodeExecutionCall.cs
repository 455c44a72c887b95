namespace ServerlessShield;

/// <summary>
/// Calls that hand a string to the system shell from inside code (PHP <c>system('id')</c>, Python
/// <c>os.system("id")</c>, Node <c>child_process.exec</c>, server-side include <c>&lt;!--#exec cmd="..."--&gt;</c>),
/// the PHP web-shell idioms (<c>system($_GET[...])</c>, <c>{${...}}</c>, <c>{$_GET[...]}</c>), and <c>phpinfo()</c>. The string of a
/// call is a command position of its own.
/// </summary>
internal static class CodeExecutionCall
{
    private static readonly MarkerSet Functions = new(
        "(=",
        StringComparison.OrdinalIgnoreCase,
        "system(", "exec(", "shell_exec(", "passthru(", "popen(", "proc_open(", "pcntl_exec(", "eval(", "assert(", "os.system(",
        "os.popen(", "subprocess.call(", "subprocess.run(", "subprocess.popen(", "subprocess.check_output(", "execsync(", "spawn(",
        "spawnsync(", "runtime.getruntime().exec(", "processbuilder(", "exec cmd=");

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

        return Functions.Any(text, IsShellCall);
    }

    // The call stands on its own (ecosystem(, executor( do not) and is given a PHP request variable or a string
    // holding a command line.
    private static bool IsShellCall(ReadOnlySpan<char> text, string function, int at)
    {
        if (at > 0 && (char.IsAsciiLetterOrDigit(text[at - 1]) || text[at - 1] == '_'))
        {
            return false;
        }

        var argument = at + function.Length;
        while (argument < text.Length && text[argument] == ' ')
        {
            argument++;
        }

        if (argument >= text.Length)
        {
            return false;
        }

        if (text[argument] == '$' && text[argument..].StartsWith("$_", StringComparison.Ordinal))
        {
            return true; // system($_GET['cmd'])
        }

        return text[argument] is '\'' or '"' or '`' && InjectedCommandLine.StartsAt(text, argument + 1, CommandPosition.Substitution);
    }
}
