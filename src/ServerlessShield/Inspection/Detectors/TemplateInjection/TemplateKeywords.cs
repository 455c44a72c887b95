namespace ServerlessShield;

// Names that only mean something to a template engine: statement tags, directives, block helpers, and the
// objects through which a template reaches the application, the interpreter or the operating system.
internal static class TemplateKeywords
{
    // First word of a {% ... %} tag (Jinja2, Twig, Django, Liquid, Nunjucks, Tornado).
    public static readonly AsciiWordSet StatementTags = AsciiWordSet.Parse(
        ignoreCase: true,
        "if elif else endif for endfor set endset block endblock extends include " +
        "import from macro endmacro call endcall filter endfilter raw endraw with " +
        "endwith autoescape endautoescape debug load csrf_token url spaceless verbatim " +
        "embed endembed do apply sandbox trans blocktrans comment now cycle firstof " +
        "templatetag widthratio get_admin_log print assign capture case when unless " +
        "tablerow render liquid echo increment decrement ifchanged regroup lorem module " +
        "try except while break continue python exec eval ssi require");

    // First word of a <% ... %> code tag (ERB, EJS, JSP/ASP scriptlets, Mako).
    public static readonly AsciiWordSet ScriptletWords = AsciiWordSet.Parse(
        ignoreCase: true,
        "if unless else elsif end endif for each while until do case when " +
        "begin rescue require import include def set var let const dim response " +
        "eval exec system out runtime process page taglib inherit namespace block");

    // <#name / [#name directives of FreeMarker.
    public static readonly AsciiWordSet FreeMarkerDirectives = AsciiWordSet.Parse(
        ignoreCase: false,
        "assign global local if elseif else list items sep include import macro " +
        "function return setting attempt recover visit recurse compress escape noescape " +
        "ftl nested stop switch case default break flush noparse outputformat " +
        "autoesc");

    // #name( directives of Velocity.
    public static readonly AsciiWordSet VelocityDirectives = AsciiWordSet.Parse(
        ignoreCase: false,
        "set foreach if elseif include parse evaluate macro define");

    // Roots of template expressions that expose the engine, the request or the runtime rather than page data.
    public static readonly AsciiWordSet SensitiveRoots = AsciiWordSet.Parse(
        ignoreCase: false,
        "self this request config app _self _context session settings lipsum cycler " +
        "joiner namespace url_for get_flashed_messages smarty class pageContext application " +
        "process global globalThis constructor Object Runtime java javax os sys " +
        "subprocess builtins __builtins__ _ module require System Thread ClassLoader " +
        "ProcessBuilder freemarker groovy Math Function eval exec applicationScope " +
        "sessionScope requestScope initParam _memberAccess OgnlContext ognl");

    // Members that climb from an ordinary value to classes, globals or process execution.
    public static readonly AsciiWordSet SensitiveMembers = AsciiWordSet.Parse(
        ignoreCase: false,
        "class getClass forName getRuntime getMethod getMethods invoke newInstance " +
        "getDeclaredConstructors getConstructor classLoader getClassLoader constructor prototype " +
        "mainModule popen spawnSync execSync child_process getenv subclasses mro " +
        "getProtectionDomain getEngineByName setAccessible getDeclaredMethod getDeclaredField " +
        "registerUndefinedFilterCallback getFilter loadTemplate setCache exec eval execute spawn");

    // PHP functions that run commands or code, called from a Smarty-style {tag}.
    public static readonly AsciiWordSet PhpExecution = AsciiWordSet.Parse(
        ignoreCase: true,
        "system exec passthru shell_exec popen proc_open pcntl_exec eval assert phpinfo " +
        "include require include_once require_once file_get_contents file_put_contents readfile " +
        "fopen unlink call_user_func create_function preg_replace");

    // Dust.js helpers: {@math}, {@if cond="..."}.
    public static readonly AsciiWordSet DustHelpers = AsciiWordSet.Parse(
        ignoreCase: false,
        "if math select eq ne lt gt lte gte sep first last size " +
        "contextDump any none default pre");

    // {{#name}} / {{/name}} block helpers of Handlebars and Mustache sections are template logic.
    public static bool IsBlockHelperName(ReadOnlySpan<char> name) => name.Length > 0 && char.IsAsciiLetter(name[0]);
}
