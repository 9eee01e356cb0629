using Microsoft.AspNetCore.DataProtection;

namespace Vouch.Features.Webhooks;

/// <summary>The one purpose webhook secrets are encrypted under, with the keys every instance shares.</summary>
public static class WebhookSecrets
{
    public static IDataProtector Protector(IDataProtectionProvider protection) => protection.CreateProtector("Vouch.Webhooks.Secret");
}
