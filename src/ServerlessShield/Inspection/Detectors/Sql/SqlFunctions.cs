namespace ServerlessShield;

// SQL function and object names that have no everyday meaning outside a database, so seeing one called (or named,
// for catalog objects) is evidence on its own. Names that are also ordinary words or common functions of other
// languages (trim, left, user, char, concat...) are deliberately absent: they only count inside SQL structure.
internal static class SqlFunctions
{
    // Functions whose only use in a request is to stall the database (time-based blind injection).
    public static readonly AsciiWordSet Delay = new(ignoreCase: true, "sleep", "benchmark", "pg_sleep", "randomblob");

    // Called with "(": error-based extraction, file access, fingerprinting and string tricks of injection tools.
    public static readonly AsciiWordSet Distinctive = AsciiWordSet.Parse(
        ignoreCase: true,
        "benchmark pg_sleep extractvalue updatexml xmltype name_const load_file lo_import " +
        "lo_export pg_read_file pg_ls_dir pg_read_binary_file group_concat concat_ws make_set " +
        "export_set gtid_subset gtid_subtract sqlite_version sqlite_compileoption_used " +
        "sqlite_compileoption_get current_setting pg_backend_pid sys_context openrowset " +
        "opendatasource db_name schema_name user_name suser_name suser_sname is_srvrolemember " +
        "has_dbaccess fn_varbintohexstr ifnull sysdate unhex uncompress substring_index " +
        "connection_id last_insert_id found_rows current_user session_user system_user " +
        "current_database current_schema strcmp json_keys xp_cmdshell xp_dirtree xp_regread " +
        "sp_executesql sp_oacreate sp_makewebtask jsonb_pretty unistr aes_decrypt aes_encrypt " +
        "string_agg listagg utl_inaddr utl_http dbms_pipe dbms_lock dbms_xmlgen ctxsys " +
        "find_in_set json_extract json_build_object jsonb_build_object to_jsonb starts_with " +
        "pg_sleep_for sqlite_source_id version_comment");

    // Called with empty parentheses they fingerprint the database: version(), database(), user().
    public static readonly AsciiWordSet Fingerprint = AsciiWordSet.Parse(
        ignoreCase: true,
        "version database schema user current_user session_user system_user connection_id " +
        "last_insert_id found_rows sqlite_version pg_backend_pid current_database current_schema " +
        "db_name user_name suser_name host_name uuid");

    // Functions that turn one character or field into a number or hex, wrapped around substring extraction.
    public static readonly AsciiWordSet Extraction = AsciiWordSet.Parse(
        ignoreCase: true,
        "ascii ord hex unhex length char_length conv bin unicode");

    public static readonly AsciiWordSet Substring = new(
        ignoreCase: true, "substring", "substr", "mid", "left", "right", "substring_index");

    // MySQL geometry constructors, used for error-based extraction with a subquery argument.
    public static readonly AsciiWordSet Geometry = new(
        ignoreCase: true, "polygon", "multipoint", "multilinestring", "multipolygon", "geometrycollection", "linestring", "point");

    // Build a character from its code.
    public static readonly AsciiWordSet CodePoint = new(ignoreCase: true, "char", "chr", "nchar");

    // PostgreSQL type names that follow a "::" cast.
    public static readonly AsciiWordSet CastTypes = AsciiWordSet.Parse(
        ignoreCase: true,
        "int int2 int4 int8 integer bigint smallint text varchar char bool boolean " +
        "json jsonb numeric decimal float float4 float8 double real date timestamp " +
        "bytea regclass oid xml inet uuid money");

    // Database functions whose names are also ordinary words or common functions elsewhere: they count inside SQL
    // structure, or when the whole value is nothing but such a call left open ("hex(", "current_user(").
    public static readonly AsciiWordSet Common = AsciiWordSet.Parse(
        ignoreCase: true,
        "substr substring ascii rtrim ltrim trim coalesce database version schema " +
        "user mid ord hex bin md5 sha1 sha2 conv elt find_in_set instr locate " +
        "iif isnull nullif chr char nchar concat compress decode encode cast " +
        "convert rand random pow power sin cos insert sleep length count floor " +
        "now left right lower upper reverse replace json_extract char_length polygon " +
        "exp unicode to_char");

    // Catalog objects that exist only inside a database engine.
    public static readonly AsciiWordSet CatalogObjects = AsciiWordSet.Parse(
        ignoreCase: true,
        "information_schema pg_catalog pg_shadow pg_user pg_database pg_tables sysobjects " +
        "syscolumns sysusers sysdatabases sysprocesses sys_objects all_tables all_tab_columns " +
        "user_tables user_tab_columns dba_users dba_tables sqlite_master sqlite_schema " +
        "msysobjects msysaccessobjects msysqueries msysrelationships tempdb msdb " +
        "xp_cmdshell xp_dirtree xp_regread sp_password table_name column_name schema_name " +
        "table_schema v$version sys.user_objects");
}
