using System.Security.Cryptography;
using System.Text;

namespace Vouch.Features.Webhooks;

/// <summary>
/// Signs deliveries as the Standard Webhooks specification does, so receivers can use its libraries: the headers
/// <c>webhook-id</c> (the event's id, the same on every retry, for receivers to drop repeats),
/// <c>webhook-timestamp</c> (Unix seconds; receivers refuse old ones, which stops a replay) and
/// <c>webhook-signature</c>, <c>v1,</c> then the Base64 HMAC-SHA256 of <c>{id}.{timestamp}.{body}</c> with the secret's
/// bytes. A secret is <c>whsec_</c> and 32 random bytes in Base64. See docs/decisions/0030-outgoing-webhooks.md.
/// </summary>
public static class WebhookSignature
{
    public const string SecretPrefix = "whsec_";
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";

    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The <c>webhook-signature</c> value of <paramref name="body"/> sent as <paramref name="id"/> at <paramref name="timestamp"/>.</summary>
    public static string Sign(string secret, string id, long timestamp, string body)
    {
        var key = Convert.FromBase64String(secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret);
        var signed = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}"));
        return "v1," + Convert.ToBase64String(signed);
    }

    /// <summary>
    /// Whether <paramref name="signatures"/> (the header: one or more space-separated <c>v1,…</c>) holds a signature of
    /// the body by <paramref name="secret"/>, made no further than <paramref name="tolerance"/> from <paramref name="now"/>.
    /// What a receiver does; Vouch's tests check its deliveries with it.
    /// </summary>
    public static bool Verify(string secret, string id, string timestamp, string body, string signatures, DateTimeOffset now, TimeSpan tolerance)
    {
        if (!long.TryParse(timestamp, out var seconds) || (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > tolerance)
        {
            return false;
        }
        var expected = Encoding.ASCII.GetBytes(Sign(secret, id, seconds, body));
        return signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Any(s => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(s), expected));
    }
}
