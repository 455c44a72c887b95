namespace ServerlessShield.Tests.Inspection.Detectors;

public class ServerSideRequestForgeryDetectorTests
{
    private readonly ServerSideRequestForgeryDetector _detector = new();

    [Theory]
    [InlineData("https://169.254.169.254:80/computeMetadata")]
    [InlineData("http://0xa9.0xfe.0xa9.0xfe/x")]
    [InlineData("http://0251.0376.0251.0376:8080")]
    [InlineData("http://2852039166:80/")]
    [InlineData("http://127.000.000.001/")]
    [InlineData("http://0x7f.1/admin")]
    [InlineData("http://10.1/")]
    [InlineData("http://172.31.255.254/")]
    [InlineData("http://100.100.100.200/latest")]
    [InlineData("http://[::ffff:169.254.169.254]/")]
    [InlineData("http://[0:0:0:0:0:ffff:7f00:1]/")]
    [InlineData("http://[fd00:ec2::254]/latest")]
    [InlineData("http://[fe80::1%25eth0]/")]
    [InlineData("http://[0:0:0:0:0:0:0:1]:9000")]
    [InlineData("http://metadata.google.internal./computeMetadata/v1/")]
    [InlineData("HTTP://LocalHost:8080/")]
    [InlineData("http://api.localhost/")]
    [InlineData("http://db.svc.cluster.local/")]
    [InlineData("http://intranet-wiki/")]
    [InlineData("http://192.168.0.1.nip.io/")]
    [InlineData("http://10-0-0-5.sslip.io/")]
    [InlineData("http://7f000001.rbndr.us/")]
    [InlineData("https://user:pass@127.0.0.1/")]
    [InlineData("http://public.example.com@10.0.0.3/")]
    [InlineData("http://public.example.com\\@10.0.0.3/")]
    [InlineData("http://public.example.com &@10.0.0.3/")]
    [InlineData("gopher://mail.example.com:25/_HELO")]
    [InlineData("dict://cache.example.com:11211/stats")]
    [InlineData("http:/0/")]
    [InlineData("http:\\\\127.0.0.1\\admin")]
    [InlineData("url=127.0.0.1:6379/info")]
    [InlineData("//localhost:2375/containers/json")]
    [InlineData("[::1]:6379/info")]
    [InlineData("host.docker.internal:2375/version")]
    [InlineData("http://①⑨②.①⑥⑧.⓪.①/")]
    [InlineData("http://０ｘ７ｆ０００００１/")]
    [InlineData("fetch?u=http%3A%2F%2F169.254.169.254%2F")]
    [InlineData("{\"webhook\":\"http://127.1:9200/_cat/indices\"}")]
    [InlineData("http://user@localhost:8080/admin")]
    [InlineData("http://10.0.0.5@example.com/")]
    [InlineData("file:/etc/passwd")]
    [InlineData("gopher:127.0.0.1:6379/_INFO")]
    public void InternalTargets_AreDetected(string value)
    {
        Assert.True(DetectorProbe.Fires(_detector, value), value);
    }

    [Theory]
    [InlineData("https://www.example.com/docs")]
    [InlineData("Server 10.0.0.5 responded in 20 ms")]
    [InlineData("127.0.0.1")]
    [InlineData("Allow 192.168.0.0/16 and 10.0.0.0/8 in the firewall")]
    [InlineData("10.0.0.0/8")]
    [InlineData("[1]")]
    [InlineData("[0]")]
    [InlineData("items[0]")]
    [InlineData("https://example.org/?next=/account")]
    [InlineData("Meet on 5/8 at 10:30")]
    [InlineData("9/PLUGS AND TUNNELS")]
    [InlineData("s3://invoices-prod/2026/11/INV-0042.pdf")]
    [InlineData("gs://analytics-exports/daily/part-0001.parquet")]
    [InlineData("postgres://orders_app:s3cr3t@db.example.com:5432/orders")]
    [InlineData("https://deploy:token@git.example.com/team/app.git")]
    [InlineData("File: invoice-2026-11.pdf")]
    [InlineData("Dict: a dictionary type in Python")]
    [InlineData("ftp://files.example.net/pub/readme.txt")]
    [InlineData("https://10x-growth.example.com/")]
    [InlineData("Version 1.10.0.1 released")]
    [InlineData("https://docs.example.com/localhost-setup")]
    [InlineData("mailto:ops@example.com")]
    [InlineData("see http://example.com:8080/status")]
    [InlineData("The localhost is up")]
    [InlineData("https://cdn.example.net/img/169.254.png")]
    [InlineData("// TODO: ask the infra team")]
    [InlineData("fe80:: is link-local, as every admin knows")]
    public void OrdinaryUrlsAndNetworkText_AreNotDetected(string value)
    {
        Assert.False(DetectorProbe.Fires(_detector, value), value);
    }

    [Theory]
    [InlineData("http://")]
    [InlineData("http://[")]
    [InlineData("http://0x")]
    [InlineData("a:")]
    public void TruncatedUrls_DoNotThrow(string value)
    {
        _ = DetectorProbe.Fires(_detector, value);
    }

    [Theory]
    [InlineData("http://")]
    [InlineData(":")]
    [InlineData("http://a@")]
    [InlineData("=")]
    public void PathologicalInput_Completes(string unit)
    {
        var value = DetectorProbe.Repeat(unit);

        _ = _detector.IsMatch(value);
    }
}
