namespace ServerlessShield.Benchmarks;

internal static class Payload
{
    public static byte[] Read(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Payloads", name));
}
