using System.Buffers;

namespace ServerlessShield;

/// <summary>
/// The command words of Unix shells, cmd.exe and PowerShell that an injected command line starts with, grouped by
/// how much evidence each needs (<see cref="ShellCommandKind"/>). Development tools that documentation is full of
/// (npm, make, git, dotnet, docker, source) are deliberately absent: they are not what an injection runs. So are
/// <c>w</c>, since one letter after a separator is what generated strings (passwords, keys) are made of, and the job
/// scheduler <c>at</c>, which starts every frame of a Java or .NET stack trace (<c>at.exe</c> stays).
/// </summary>
internal static class ShellCommandLexicon
{
    private static readonly SearchValues<char> VersionChars = SearchValues.Create("0123456789.");

    private const string Recon =
        "whoami ifconfig ipconfig netstat systeminfo uname visudo sysinfo hostnamectl getuid";

    private const string Prefixes =
        "time nohup sudo doas env exec nice ionice timeout strace ltrace xargs busybox command " +
        "builtin stdbuf setsid watch taskset unbuffer cpulimit flock runuser pkexec chroot start " +
        "call then do else eval su unshare nsenter script expect ssh-agent proxychains torsocks";

    private const string Interpreters =
        "python python2 python3 perl perl5 ruby php php5 php7 php8 php-cgi node nodejs lua " +
        "luajit tclsh wish jrunscript jjs deno bun osascript awk gawk nawk mawk irb gdb " +
        "vim vi ed jshell groovy scala rscript julia pypy pypy3";

    private const string Shells =
        "sh bash dash ash zsh ksh csh tcsh mksh fish rbash cmd cmd.exe command.com powershell " +
        "pwsh wsl";

    private const string Exotic =
        // network and transfer
        "wget ncat netcat socat telnet nslookup tracert traceroute tracepath pathping nbtstat netsh " +
        "smbclient rpcclient scp sftp tftp rsync nmap masscan tcpdump tshark hping3 curl.exe " +
        "aria2c lwp-download lwp-request ssh-copy-id sshpass xfreerdp rdesktop dig " +
        // Windows living-off-the-land binaries
        "certutil bitsadmin mshta rundll32 regsvr32 regsvcs regasm msbuild installutil wmic cscript " +
        "wscript tasklist taskkill schtasks vssadmin wevtutil ntdsutil icacls cacls takeown findstr " +
        "regedit bcdedit bcdboot diskpart runas msiexec forfiles cmstp odbcconf esentutl expand.exe " +
        "qwinsta quser klist setspn dsquery nltest wusa sdbinst pcalua hh control.exe iex iwr " +
        "irm saps iwmi gwmi icm wmiprvse net1 whoami.exe reg.exe sc.exe at.exe mofcomp gpresult driverquery " +
        // privilege, users, persistence
        "chmod chown chgrp chattr lsattr setfacl getfacl mkfifo mknod useradd usermod userdel " +
        "adduser deluser groupadd gpasswd chpasswd crontab iptables ip6tables nft setcap getcap " +
        "insmod rmmod modprobe sysctl systemctl journalctl launchctl pkill killall pgrep lsof lsmod " +
        "getent printenv dmesg lastb faillog umount lsblk blkid fdisk ulimit shutdown poweroff " +
        "halt init telinit chsh newgrp sudoedit " +
        // encoding, compilers, debuggers
        "xxd hexdump base64 base32 basenc uuencode uudecode openssl gcc g++ c89 c99 clang " +
        "cc tcc objdump readelf ltrace msfvenom msfconsole mysqldump sqlcmd sqlplus psql sqlite3 " +
        "redis-cli mongosh ldapsearch smbmap impacket-psexec psexec crackmapexec " +
        // readers, archivers and admin tools GTFOBins lists as command launchers
        "zstdcat zcat bzcat xzcat lzcat gunzip bunzip2 unxz unzstd bsdtar 7z 7za unrar " +
        "htop cscli aptitude apt-get dpkg rpm yum dnf zypper pacman rmt rmt-tar rmt-dump " +
        "mysql nohup egrep fgrep grep sed whereis mkdir pwd uptime ifup ifdown iwconfig " +
        "nmcli busctl loginctl mount dd tee od nl strings column comm fold bridge perf " +
        "zip tar gzip bzip2 xz cpio ar ssh ftp nc netstat.exe ipconfig.exe arp route " +
        "ss ip finger logname users lastlog lastlogin last who id groups hostname host " +
        "ping ping6 arping curl wc rev tac cut paste tr uniq diff cmp shuf csplit " +
        "unexpand expand fmt pr look join split sum cksum md5sum sha1sum sha256sum iconv uconv " +
        // sqlite3 dot commands that run a shell
        ".shell .system";

    private const string Common =
        "cat ls dir type echo printf sleep kill find locate which head tail more less " +
        "sort touch rm rmdir cp mv ln file stat set unset export alias cd chdir copy " +
        "del erase ren rename move md rd attrib tree ver vol net reg sc exit " +
        "ps top free df du date cal test wait trap read man info open xdg-open view " +
        "tasks shell python.exe assoc ftype pause cls title color prompt goto rem shift " +
        "setx where certreq logoff msg print wall write mesg yes true false seq expr " +
        "bc factor units passwd id history jobs fg bg disown umask hash declare local " +
        "readonly typeset let getopts shopt enable ll";

    public static ShellCommandKind Classify(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty || !IsShellCased(name))
        {
            return ShellCommandKind.None;
        }

        // ansible-playbook, chef-client, aa-exec: tool families whose every member is an admin command launcher.
        if (name.StartsWith("ansible", StringComparison.OrdinalIgnoreCase) || name.StartsWith("chef-", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("aa-", StringComparison.OrdinalIgnoreCase))
        {
            return ShellCommandKind.Exotic;
        }

        var kind = Lookup(name);
        if (kind is ShellCommandKind.Recon or ShellCommandKind.Shell)
        {
            return kind;
        }

        return IsVersionedInterpreter(name) ? ShellCommandKind.Interpreter : kind;
    }

    // A shell runs a command as it is spelled: a Unix shell only in lower case, cmd.exe and PowerShell in any case
    // ("WhOaMi" evades filters on Windows). A short name is only a command in a word's casing, though: one or two
    // capitals are an abbreviation ("ID", "LS", "W") unless cmd.exe runs them ("CD", "MD", "IF"), and short names in
    // random case ("xZ", "dU", "bUn") are pieces of generated strings (passwords, keys), where they occur by chance.
    public static bool IsShellCased(ReadOnlySpan<char> name)
    {
        if (name.Length > 3)
        {
            return true;
        }

        if (!LexChars.IsWordCased(name))
        {
            return false;
        }

        if (name.Length == 3 || name.Length < 2 || !(char.IsAsciiLetterUpper(name[0]) || char.IsAsciiLetterUpper(name[1])))
        {
            return name.Length != 1 || !char.IsAsciiLetterUpper(name[0]);
        }

        return ((char)(name[0] | 0x20), (char)(name[1] | 0x20)) is ('c', 'd') or ('m', 'd') or ('r', 'd') or ('s', 'c') or ('i', 'f');
    }

    // Every command word with its kind, so that a word is looked up once rather than once per set. A word in several
    // sets takes the most specific kind: the lists are given most specific first, and the map keeps a word's first kind.
    private static readonly AsciiWordMap<ShellCommandKind> Kinds = BuildKinds();

    private static AsciiWordMap<ShellCommandKind> BuildKinds()
    {
        string[][] lists =
        [
            Split(Recon), Split(Shells), Split(Interpreters), Split(Prefixes), Split(Exotic), Split(Common),
        ];
        ShellCommandKind[] kinds =
        [
            ShellCommandKind.Recon, ShellCommandKind.Shell, ShellCommandKind.Interpreter, ShellCommandKind.Prefix,
            ShellCommandKind.Exotic, ShellCommandKind.Common,
        ];
        var count = 0;
        foreach (var list in lists)
        {
            count += list.Length;
        }

        var words = new string[count];
        var values = new ShellCommandKind[count];
        var at = 0;
        for (var k = 0; k < lists.Length; k++)
        {
            foreach (var word in lists[k])
            {
                words[at] = word.ToLowerInvariant();
                values[at++] = kinds[k];
            }
        }

        return new AsciiWordMap<ShellCommandKind>(ignoreCase: false, words, values);

        static string[] Split(string words) => words.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
    }

    // The words are kept lower-cased; the one character outside ASCII that lower-cases into ASCII is the Kelvin sign.
    private static ShellCommandKind Lookup(ReadOnlySpan<char> name)
    {
        if (name.Length > Kinds.LongestWord)
        {
            return ShellCommandKind.None;
        }

        Span<char> folded = stackalloc char[name.Length];
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c > 0x7F && c != '\u212A')
            {
                return ShellCommandKind.None;
            }

            folded[i] = LexChars.FoldForAscii(c);
        }

        return Kinds.TryGetValue(folded, out var kind) ? kind : ShellCommandKind.None;
    }

    // Commands whose first argument is a verb-like subcommand (net user, reg add, sc query, ip addr).
    private static readonly SortedWordSet NetSubcommands = SortedWordSet.Parse(
        "user users view localgroup group share use start stop session accounts config time");
    private static readonly SortedWordSet RegSubcommands = SortedWordSet.Parse(
        "add query delete save export import load unload copy restore");
    private static readonly SortedWordSet ScSubcommands = SortedWordSet.Parse(
        "query queryex create config start stop delete qc sdshow");
    private static readonly SortedWordSet NetshSubcommands = new("firewall", "advfirewall", "interface", "wlan", "http", "winsock");
    private static readonly SortedWordSet IpSubcommands = SortedWordSet.Parse(
        "a addr address route r link l neigh n rule");

    /// <summary>Whether <paramref name="argument"/> is a subcommand of <paramref name="command"/> (net user, reg add).</summary>
    public static bool IsSubcommand(ReadOnlySpan<char> command, ReadOnlySpan<char> argument) => command switch
    {
        "net" or "net1" => NetSubcommands.Contains(argument),
        "reg" => RegSubcommands.Contains(argument),
        "sc" => ScSubcommands.Contains(argument),
        "netsh" => NetshSubcommands.Contains(argument),
        "ip" => IpSubcommands.Contains(argument),
        _ => false,
    };

    /// <summary>Whether the word is an ordinary English word, which needs command-like company.</summary>
    public static bool IsEnglishWord(ReadOnlySpan<char> name) => EnglishCommandWords.Contains(name);

    // Command names that are also everyday English (or abbreviations seen in prose and product lists).
    private static readonly SortedWordSet EnglishCommandWords = SortedWordSet.Parse(
        "cat type sleep kill find head tail more less sort touch file set copy move " +
        "tree net test wait trap read open view shell pause title color prompt shift " +
        "where print wall write yes true false units history jobs hash local enable dot " +
        "time nice watch start call then do else command script expect fetch host last " +
        "users groups ping join split sum look expand column fold bridge strings mount " +
        "route init halt zip tar curl who id date top free info man exit ps ls " +
        "dir sc reg md rd cd cp mv rm ln du df ip ss nc ar ed vi " +
        "wish node ruby perl python lua bash fish ash dash cmd php finger tee diff " +
        "comm perf echo alias paste cut rev seq pr fmt tasks msg bun deno julia " +
        "scala groovy su env hostname printf which stat passwd exec eval shutdown");

    // python3.11, php7.4, gcc7.4: a versioned interpreter or compiler name.
    private static bool IsVersionedInterpreter(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty || !VersionChars.Contains(name[^1]))
        {
            return false;
        }

        foreach (var stem in (ReadOnlySpan<string>)["python", "php", "perl", "ruby", "node", "lua", "gcc"])
        {
            if (name.Length > stem.Length && name.StartsWith(stem, StringComparison.OrdinalIgnoreCase)
                && name[stem.Length..].IndexOfAnyExcept(VersionChars) < 0)
            {
                return true;
            }
        }

        return false;
    }
}
