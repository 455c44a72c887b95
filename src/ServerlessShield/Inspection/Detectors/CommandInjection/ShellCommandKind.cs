namespace ServerlessShield;

/// <summary>How much a command word says on its own, and what else it needs before it counts as an injected command.</summary>
internal enum ShellCommandKind
{
    /// <summary>Not a known command.</summary>
    None,

    /// <summary>An ordinary word that is also a command (cat, set, time, type): needs command-like arguments.</summary>
    Common,

    /// <summary>A command name that is not an English word (wget, certutil, nslookup): a separator before it is enough.</summary>
    Exotic,

    /// <summary>Reconnaissance an attacker runs bare (whoami, ifconfig): enough even alone as the whole value.</summary>
    Recon,

    /// <summary>Runs the command that follows it (sudo, nohup, time, env, xargs).</summary>
    Prefix,

    /// <summary>A language interpreter: counts with an inline-code flag (python -c, perl -e, php -r, node -e).</summary>
    Interpreter,

    /// <summary>A shell: counts with a flag or a redirection (bash -i, sh -c).</summary>
    Shell,
}
