namespace Vouch.Seeding;

/// <summary>
/// Version 7 ids, one millisecond apart from a fixed instant, with seeded random bits: in ascending order like the
/// app's own <see cref="Guid.CreateVersion7()"/> ids, so every bulk insert appends to the primary-key index, and the
/// same on every run.
/// </summary>
internal sealed class SequentialIds(Random random)
{
    private static readonly long s_epochMilliseconds = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
    private long _sequence;

    public Guid Next()
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes[6..]);
        var milliseconds = s_epochMilliseconds + _sequence++;
        for (var i = 5; i >= 0; i--, milliseconds >>= 8)
        {
            bytes[i] = (byte)milliseconds;
        }
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }
}
