namespace ServerlessShield;

/// <summary>
/// The operating-system and application locations an attacker reads through a file parameter: account and host
/// databases under <c>/etc</c>, process information under <c>/proc</c>, system logs, server and database
/// configuration, credentials and keys, Windows boot and registry hives, and web-application internals. Names
/// are matched as whole path segments, lower-cased, with the directory they must sit in.
/// </summary>
internal static class SensitiveLocations
{
    // Files of /etc (or C:\Windows\System32\drivers\etc) that describe users, hosts, mounts and privileges.
    public static readonly SortedWordSet EtcFiles = SortedWordSet.Parse(
        "passwd passwd- shadow shadow- group group- gshadow master.passwd hosts hosts.allow hosts.deny " +
        "hosts.equiv hostname issue issue.net motd fstab mtab crontab anacrontab sudoers resolv.conf " +
        "subuid subuid- subgid subgid- inittab login.defs networks exports aliases environment nsswitch.conf " +
        "ld.so.conf ld.so.preload lsb-release os-release redhat-release debian_version machine-id securetty shells " +
        "ftpusers netconfig lilo.conf grub.conf modules.conf sysctl.conf rc.local profile bashrc bash.bashrc " +
        "inetd.conf xinetd.conf syslog.conf rsyslog.conf logrotate.conf vfstab inetd sysconfig krb5.conf " +
        "krb5.keytab ntp.conf snmpd.conf httpd.conf my.cnf php.ini smb.conf vsftpd.conf " +
        "proftpd.conf pure-ftpd.conf sshd_config ssh_config named.conf squid.conf openvpn.conf wpa_supplicant.conf " +
        "release ftpchroot ftphosts chrootusers ftpaccess proftp.conf pureftpd.passwd pureftpd.pdb " +
        "vsftpd.chroot_list vsftpd.user_list user_list apache2.conf nginx.conf lighttpd.conf mysql.conf " +
        "postfix.conf sysctl.d updatedb.conf adduser.conf deluser.conf host.conf hosts.lpd ld.so.cache " +
        "mailcap manpath.config mime.types pam.conf services protocols timezone localtime sudo.conf " +
        "defaultdomain defaultrouter rpc system utmp wtmp vfstab dfstab passwd.adjunct security");

    // Directories whose whole content is sensitive, keyed by the directory they sit in ("etc/ssh", "log/apache2").
    public static readonly SortedWordSet EtcDirectories = SortedWordSet.Parse(
        "ssh ssl pki security sudoers.d pam.d apache apache2 httpd nginx lighttpd mysql mariadb " +
        "postgresql cron.d systemd kubernetes docker letsencrypt vsftpd proftpd samba openvpn wireguard " +
        "ldap openldap init.d sysconfig network exim exim4 postfix dovecot bind named squid cups " +
        "redis mongodb tomcat shadow pure-ftpd nagios zabbix haproxy varnish memcached " +
        "sudo polkit-1 selinux iptables ufw netplan wpa_supplicant x11 apt yum yum.repos.d logrotate.d " +
        "wu-ftpd rc.d xinetd.d profile.d modprobe.d udev ppp/peers openssl ca-certificates certs keys " +
        "vhosts sites-enabled sites-available conf.d default");
    // (Not "mail", "defaults", "namedb", "periodic" or "ppp": generated and ordinary paths use those.)

    public static readonly SortedWordSet LogDirectories = SortedWordSet.Parse(
        "apache apache2 httpd nginx lighttpd mysql mariadb proftpd vsftpd samba tomcat postgresql " +
        "exim exim4 mail audit php php-fpm redis mongodb cups nagios squid iis w3svc1");

    // Directories that hold secrets or application internals wherever they are: Java web-application internals,
    // version-control metadata, credential stores, and the bundled server stacks whose every file is configuration.
    public static readonly SortedWordSet SecretDirectories = SortedWordSet.Parse(
        "web-inf meta-inf .ssh .aws .git .svn .hg .bzr .docker .kube .gnupg .azure .gcloud " +
        ".terraform .password-store inetpub xampp lampp appserv wamp wamp64 mamp cpanel");

    // Web and database servers, whose configuration, log, session and data directories are off limits ("apache2/conf").
    public static readonly SortedWordSet ServerDirectories = new(
        "apache", "apache2", "httpd", "nginx", "lighttpd", "tomcat", "mysql", "mariadb", "postgresql", "pgsql", "php", "php4",
        "php5", "php7", "php8", "iis", "proftpd", "vsftpd", "pure-ftpd", "filezillaftp", "mercurymail", "sendmail", "webalizer",
        "mysqlserver5.0", "mysql server 5.0", "jboss", "wildfly", "weblogic", "websphere", "glassfish", "jetty", "resin");

    public static readonly SortedWordSet ServerInternals = SortedWordSet.Parse(
        "conf conf.d config extra logs log data sessions session sites-enabled sites-available " +
        "bin private ssl users");

    // File names that are sensitive in any directory.
    public static readonly SortedWordSet SecretFiles = SortedWordSet.Parse(
        "httpd.conf apache2.conf apache.conf httpd-vhosts.conf httpd-xampp.conf nginx.conf lighttpd.conf php.ini " +
        "php-fpm.conf my.cnf my.ini .my.cnf sshd_config ssh_config vsftpd.conf proftpd.conf pure-ftpd.conf " +
        "pureftpd.pdb smb.conf named.conf squid.conf tomcat-users.xml web.config applicationhost.config " +
        "machine.config .htaccess .htpasswd wp-config.php config.inc.php localsettings.php configuration.php " +
        "database.yml secrets.yml master.key .env .git-credentials .npmrc .pypirc .pgpass .netrc id_rsa " +
        "id_dsa id_ecdsa id_ed25519 authorized_keys known_hosts .bash_history .zsh_history .sh_history " +
        ".mysql_history .psql_history .history .viminfo .lesshst win.ini system.ini boot.ini unattend.xml " +
        "unattended.xml autounattend.xml sysprep.inf sysprep.xml ntuser.dat pagefile.sys hiberfil.sys environ " +
        "credentials php_errors.log ntds.dit shadow.bak passwd.bak docker.sock kubeconfig global.asa metabase.xml " +
        "grub.conf grub.cfg menu.lst access.log access_log error.log error_log errors.log debug.log " +
        "php_error.log httpd-access.log httpd-error.log mysql-bin.log mysql.err mysqld.log catalina.out " +
        "ssl_error_log ssl_access_log ssl_request_log login_log license_log stats_log utmp utmpx wtmp wtmpx " +
        "btmp lastlog unattend.txt unattended.txt ntuser.ini windowsupdate.log mlocate.db locatedb");

    // File names that mean an attack even alone, without a directory (a filename field set to boot.ini).
    public static readonly SortedWordSet StandaloneFiles = SortedWordSet.Parse(
        "boot.ini win.ini system.ini .htaccess .htpasswd wp-config.php id_rsa id_dsa id_ecdsa id_ed25519 " +
        ".bash_history web.config master.passwd ntuser.dat ntds.dit .git-credentials");

    // Log files by the names the system and servers give them (rotations such as syslog.1 or messages.2.gz included);
    // in a log directory, any *.log, *_log, *.err or *.out file is one too.
    public static readonly SortedWordSet LogFiles = SortedWordSet.Parse(
        "access.log access_log error.log error_log errors.log debug.log messages syslog auth.log authlog " +
        "secure wtmp btmp utmp lastlog faillog kern.log dmesg daemon.log mail.log maillog mail.err " +
        "xferlog boot.log php_errors.log mysql.log mysqld.log mysql-error.log mysql.err catalina.out " +
        "ssl_error_log ssl_access_log ssl_request_log access error sudo.log user.log cron cron.log audit.log " +
        "vsftpd.log proftpd.log httpd.log apache.log nginx.log error.txt access.txt ex.log httperr.log");

    // Registry hives: SAM and friends in System32\config, repair or RegBack.
    public static readonly SortedWordSet RegistryHives = SortedWordSet.Parse(
        "sam system security software default sam.bak system.bak components");

    public static readonly SortedWordSet HiveDirectories = new("config", "repair", "regback");

    // Entries of /proc that expose the process or kernel (anything under /proc/self or /proc/<pid> does too).
    public static readonly SortedWordSet ProcEntries = SortedWordSet.Parse(
        "self thread-self version cmdline cpuinfo meminfo mounts mountinfo net sched_debug kallsyms " +
        "modules partitions sys config.gz interrupts stat status uptime loadavg filesystems devices " +
        "swaps kcore iomem ioports diskstats vmstat zoneinfo slabinfo crypto keys key-users timer_list " +
        "environ kmsg buddyinfo pagetypeinfo vmallocinfo consoles cgroups acpi bus driver tty scsi " +
        "locks misc sysrq-trigger fb dma execdomains softirqs schedstat");

    // Configuration files inside a hidden tool directory (/app/.claude/settings.json, ~/.docker/config.json).
    public static bool IsToolConfigFile(ReadOnlySpan<char> name) =>
        name.StartsWith("settings") || name.StartsWith("config") || name.StartsWith("credentials") || name.StartsWith("secrets")
        || name.StartsWith("mcp") || name.StartsWith("token") || name.StartsWith("auth") || name.EndsWith(".env") || name.EndsWith(".pem")
        || name.EndsWith(".key");

    // Entries of /sys that expose devices, kernel and firmware.
    public static readonly SortedWordSet SysEntries = SortedWordSet.Parse(
        "class kernel devices firmware power module block bus fs hypervisor");

    // Windows directories whose content is sensitive, keyed by parent ("windows/panther", "inetpub/logs").
    public static bool IsWindowsSecretDirectory(ReadOnlySpan<char> parent, ReadOnlySpan<char> name) =>
        (parent is "windows" or "winnt" && name is "panther" or "repair" or "debug" or "minidump")
        || (parent is "inetpub" && name is "logs")
        || (parent is "system32" && name is "config" or "logfiles");
}
