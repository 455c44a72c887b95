namespace ServerlessShield;

/// <summary>Where a command word stands, which sets how much evidence it needs.</summary>
internal enum CommandPosition
{
    /// <summary>The start of the value: the whole value would have to be a command line.</summary>
    ValueStart,

    /// <summary>After a separator (<c>;</c>, <c>|</c>, <c>&amp;</c>, <c>&amp;&amp;</c>, <c>||</c>, a line break): a chained command.</summary>
    AfterSeparator,

    /// <summary>After a separator in a value that reads as prose ("Set the timer; wait; then go"): a bare English command word there is just a word.</summary>
    AfterSeparatorInProse,

    /// <summary>Inside a substitution (<c>$(...)</c>, backticks, <c>&lt;(...)</c>) or a code-execution call's string.</summary>
    Substitution,
}
