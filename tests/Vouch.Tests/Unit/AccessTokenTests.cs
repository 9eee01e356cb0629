using Vouch.Features.Tokens;

namespace Vouch.Tests.Unit;

public sealed class AccessTokenTests
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_new_token_stores_only_the_hash_of_its_plain_text()
    {
        var (token, plainText) = AccessToken.Create(Guid.NewGuid(), "ci", s_now, null);

        Assert.StartsWith("vouch_", plainText, StringComparison.Ordinal);
        Assert.Equal(49, plainText.Length);
        Assert.Equal(AccessToken.HashOf(plainText), token.Hash);
        Assert.Equal(plainText[..10], token.Hint);
    }

    [Fact]
    public void Two_tokens_never_share_plain_text_or_hash()
    {
        var (first, firstText) = AccessToken.Create(Guid.NewGuid(), "a", s_now, null);
        var (second, secondText) = AccessToken.Create(Guid.NewGuid(), "b", s_now, null);

        Assert.NotEqual(firstText, secondText);
        Assert.NotEqual(first.Hash, second.Hash);
    }

    [Fact]
    public void A_token_is_active_until_it_expires_or_is_revoked()
    {
        var (token, _) = AccessToken.Create(Guid.NewGuid(), "a", s_now, s_now.AddDays(1));

        Assert.True(token.IsActiveAt(s_now.AddHours(23)));
        Assert.False(token.IsActiveAt(s_now.AddDays(1)));
        token.RevokedAt = s_now;
        Assert.False(token.IsActiveAt(s_now.AddMinutes(1)));
    }
}
