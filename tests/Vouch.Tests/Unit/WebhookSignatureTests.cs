using Vouch.Features.Webhooks;

namespace Vouch.Tests.Unit;

public sealed class WebhookSignatureTests
{
    private static readonly DateTimeOffset s_now = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);
    private const string Body = """{"type":"ping","data":{}}""";

    [Fact]
    public void ASignatureIsTheBase64HmacOfIdTimestampAndBody()
    {
        // The key is the secret's bytes after its prefix: 32 bytes of 0x01 here.
        var secret = "whsec_" + Convert.ToBase64String(Enumerable.Repeat((byte)1, 32).ToArray());
        var expected = Convert.ToBase64String(System.Security.Cryptography.HMACSHA256.HashData(
            Enumerable.Repeat((byte)1, 32).ToArray(), System.Text.Encoding.UTF8.GetBytes($"msg_1.{s_now.ToUnixTimeSeconds()}.{Body}")));
        Assert.Equal("v1," + expected, WebhookSignature.Sign(secret, "msg_1", s_now.ToUnixTimeSeconds(), Body));
    }

    [Fact]
    public void AReceiverAcceptsTheSignatureAndRefusesAChangedBodyAnotherSecretOrAnOldTimestamp()
    {
        var secret = WebhookSignature.NewSecret();
        var timestamp = s_now.ToUnixTimeSeconds();
        var signature = WebhookSignature.Sign(secret, "msg_1", timestamp, Body);
        var tolerance = TimeSpan.FromMinutes(5);

        Assert.True(WebhookSignature.Verify(secret, "msg_1", $"{timestamp}", Body, signature, s_now, tolerance));
        Assert.True(WebhookSignature.Verify(secret, "msg_1", $"{timestamp}", Body, $"v1,bm90IGl0 {signature}", s_now, tolerance));
        Assert.False(WebhookSignature.Verify(secret, "msg_1", $"{timestamp}", Body + " ", signature, s_now, tolerance));
        Assert.False(WebhookSignature.Verify(secret, "msg_2", $"{timestamp}", Body, signature, s_now, tolerance));
        Assert.False(WebhookSignature.Verify(WebhookSignature.NewSecret(), "msg_1", $"{timestamp}", Body, signature, s_now, tolerance));
        Assert.False(WebhookSignature.Verify(secret, "msg_1", $"{timestamp}", Body, signature, s_now.AddMinutes(6), tolerance));
        Assert.False(WebhookSignature.Verify(secret, "msg_1", "yesterday", Body, signature, s_now, tolerance));
    }

    [Fact]
    public void EverySecretIsNew()
    {
        var secret = WebhookSignature.NewSecret();
        Assert.StartsWith("whsec_", secret);
        Assert.Equal(32, Convert.FromBase64String(secret["whsec_".Length..]).Length);
        Assert.NotEqual(secret, WebhookSignature.NewSecret());
    }
}
