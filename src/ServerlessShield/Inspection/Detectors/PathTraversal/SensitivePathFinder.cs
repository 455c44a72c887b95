namespace ServerlessShield;

/// <summary>
/// Walks the paths of a path-spelled value segment by segment and reports whether one names a sensitive location
/// (see <see cref="SensitiveLocations"/>). Each path keeps its last two directory names, so a rule can require the
/// right parent (<c>etc/passwd</c>, <c>config/sam</c>) without caring how deep or how the path is rooted.
/// </summary>
internal static class SensitivePathFinder
{
    // What ends a path inside prose, markup, a query string or a command line.
    private static readonly System.Buffers.SearchValues<char> Delimiters = System.Buffers.SearchValues.Create(" \t\r\n\"'`<>|(){}[],=?#\0&;*");

    public static bool Any(ReadOnlySpan<char> text)
    {
        if (!DetectorShortcuts.Enabled)
        {
            return AnyToken(text);
        }

        // A value that is one token is judged whole (the standalone files); otherwise only tokens with a slash can
        // name a location, so each slash is looked for and widened to its token: the cost follows the slashes, not
        // the number of tokens (text dense in short words and delimiters has many of those).
        if (text.IndexOfAny(Delimiters) < 0)
        {
            return !text.IsEmpty && PathNamesSecret(text, tokenIsWholeValue: true);
        }

        var from = 0;
        while (from < text.Length)
        {
            var slash = text[from..].IndexOf('/');
            if (slash < 0)
            {
                return false;
            }

            slash += from;
            var start = text[..slash].LastIndexOfAny(Delimiters) + 1;
            var length = text[slash..].IndexOfAny(Delimiters);
            var end = length < 0 ? text.Length : slash + length;
            if (PathNamesSecret(text[start..end], tokenIsWholeValue: false))
            {
                return true;
            }

            from = end;
        }

        return false;
    }

    // Every token, with or without a slash: the reference the slash search above must agree with.
    private static bool AnyToken(ReadOnlySpan<char> text)
    {
        var i = 0;
        while (i < text.Length)
        {
            var skip = text[i..].IndexOfAnyExcept(Delimiters);
            if (skip < 0)
            {
                break;
            }

            i += skip;
            var length = text[i..].IndexOfAny(Delimiters);
            var end = length < 0 ? text.Length : i + length;
            if (end > i && PathNamesSecret(text[i..end], tokenIsWholeValue: i == 0 && end == text.Length))
            {
                return true;
            }

            i = end;
        }

        return false;
    }

    private static bool PathNamesSecret(ReadOnlySpan<char> path, bool tokenIsWholeValue)
    {
        // Rooted: absolute, a drive (c:), a URL scheme or a traversal before the segment.
        var rooted = path[0] == '/';
        ReadOnlySpan<char> parent = default, grandparent = default;
        var hiddenDirectory = false;
        var underVarAdm = false;
        var index = 0;
        var segments = 0;
        var start = 0;
        for (var k = 0; k <= path.Length; k++)
        {
            if (k < path.Length && path[k] != '/')
            {
                continue;
            }

            var segment = path[start..k];
            start = k + 1;
            if (segment.IsEmpty || segment is ".")
            {
                continue;
            }

            segments++;
            if (segment.Length >= 2 && segment.IndexOfAnyExcept('.') < 0)
            {
                // A traversal lands at the root eventually: what follows is rooted.
                rooted = true;
                parent = grandparent = default;
                index = 0;
                continue;
            }

            if (segment[^1] == ':' && index == 0)
            {
                rooted = true; // c: or file:
                continue;
            }

            var hasParent = !parent.IsEmpty || rooted;
            // A file inside WEB-INF, .git, .ssh and the like, even on a relative path.
            if (k < path.Length && SensitiveLocations.SecretDirectories.Contains(segment) && path[(k + 1)..].IndexOfAnyExcept('/') >= 0)
            {
                return true;
            }

            if (IsSecret(segment, parent, grandparent, hasParent, rooted && index == 1)
                || underVarAdm
                || (hiddenDirectory && rooted && k == path.Length && SensitiveLocations.IsToolConfigFile(segment))
                || (tokenIsWholeValue && segments == 1 && k == path.Length && SensitiveLocations.StandaloneFiles.Contains(segment)))
            {
                return true;
            }

            // /var/adm holds nothing but logs and accounting on Solaris and AIX.
            underVarAdm |= segment is "adm" && parent is "var";
            hiddenDirectory |= segment.Length > 1 && segment[0] == '.' && char.IsAsciiLetter(segment[1]) && k < path.Length;
            grandparent = parent;
            parent = segment;
            index++;
        }

        return false;
    }

    private static bool IsSecret(ReadOnlySpan<char> name, ReadOnlySpan<char> parent, ReadOnlySpan<char> grandparent, bool hasParent, bool parentIsRoot)
    {
        if (parent is "etc" && IsEtcEntry(name))
        {
            return true;
        }

        // apache2/conf, mysql/data; and a database's own files under /var/lib (lib/mysql/..., lib/postgresql/...).
        if ((SensitiveLocations.ServerDirectories.Contains(parent) && SensitiveLocations.ServerInternals.Contains(name))
            || (grandparent is "lib" && parent is "mysql" or "mariadb" or "postgresql" or "pgsql" or "mongodb" or "redis" or "ldap" or "php" or "sss"))
        {
            return true;
        }

        // PHP session files (sess_<id>) and root's own dotfiles.
        if (hasParent && name.StartsWith("sess_"))
        {
            return true;
        }

        if (parentIsRoot && parent is "root" && name.Length > 1 && name[0] == '.')
        {
            return true;
        }

        if (parentIsRoot && parent is "sys" && SensitiveLocations.SysEntries.Contains(name))
        {
            return true;
        }

        if (hasParent && (SensitiveLocations.SecretFiles.Contains(name) || SensitiveLocations.SecretDirectories.Contains(name)))
        {
            return true;
        }

        if (parent is "proc" && (SensitiveLocations.ProcEntries.Contains(name) || (parentIsRoot && name.IndexOfAnyExceptInRange('0', '9') < 0)))
        {
            return true;
        }

        if (parent is "log" or "logs" && (SensitiveLocations.LogDirectories.Contains(name) || IsLogFile(name) || (grandparent is "var" && !name.Contains('.'))))
        {
            return true;
        }

        if (grandparent is "log" or "logs" && IsLogFile(name))
        {
            return true;
        }

        return (SensitiveLocations.HiveDirectories.Contains(parent) && SensitiveLocations.RegistryHives.Contains(name))
            || SensitiveLocations.IsWindowsSecretDirectory(parent, name);
    }

    // passwd, shadow~, hostname.bge, apache2/, php7.4/, logrotate.d/: a system file, a backup of one, or a
    // configuration directory of /etc.
    private static bool IsEtcEntry(ReadOnlySpan<char> name)
    {
        if (name.EndsWith("~") || name.EndsWith(".bak") || name.EndsWith(".old") || name.EndsWith(".orig") || name.EndsWith(".save"))
        {
            name = name[..name.LastIndexOfAny('~', '.')];
        }

        return SensitiveLocations.EtcFiles.Contains(name) || SensitiveLocations.EtcDirectories.Contains(name)
            || name.StartsWith("php") || name.StartsWith("tomcat") || name.StartsWith("hostname.") || name.EndsWith(".d")
            || name.EndsWith(".conf") || name.EndsWith(".cnf") || name.EndsWith(".cf");
    }

    // syslog, syslog.1, messages.2.gz, error.log.1: a log name with any rotation suffix, or any *.log, *_log, *.err
    // or *.out file (the caller has checked it sits in a log directory).
    private static bool IsLogFile(ReadOnlySpan<char> name)
    {
        if (SensitiveLocations.LogFiles.Contains(name) || name.EndsWith(".log") || name.EndsWith("_log") || name.EndsWith(".err") || name.EndsWith(".out"))
        {
            return true;
        }

        if (name.EndsWith(".gz"))
        {
            name = name[..^3];
        }

        var dot = name.LastIndexOf('.');
        return dot > 0 && name[(dot + 1)..].IndexOfAnyExceptInRange('0', '9') < 0 && SensitiveLocations.LogFiles.Contains(name[..dot]);
    }
}
