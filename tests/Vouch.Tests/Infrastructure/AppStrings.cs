using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Vouch.Resources;

namespace Vouch.Tests.Infrastructure;

/// <summary>Vouch's strings as the app reads them, for tests that write an email without starting the app.</summary>
public static class AppStrings
{
    public static IStringLocalizer<Strings> Localizer { get; } = new StringLocalizer<Strings>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));
}
