using Microsoft.Extensions.Localization;
using Vouch.Resources;

namespace Vouch.Features.Content;

/// <summary>A content asset's kind and approval state in the reader's language, as <see cref="ContentRules.Describe(ApprovalState)"/> says them in English.</summary>
public static class ContentWords
{
    public static string Kind(IStringLocalizer<Strings> text, ContentKind kind) => kind switch
    {
        ContentKind.CaseStudy => text["Case study"],
        ContentKind.Video => text["Video"],
        ContentKind.Quote => text["Quote"],
        ContentKind.Testimonial => text["Testimonial"],
        ContentKind.Logo => text["Logo"],
        ContentKind.Review => text["Review"],
        ContentKind.Slides => text["Slides"],
        _ => ContentRules.Describe(kind),
    };

    public static string State(IStringLocalizer<Strings> text, ApprovalState state) => state switch
    {
        ApprovalState.Draft => text["draft"],
        ApprovalState.AwaitingCustomerApproval => text["awaiting customer approval"],
        ApprovalState.Approved => text["approved"],
        ApprovalState.Expired => text["expired"],
        ApprovalState.Retired => text["retired"],
        _ => ContentRules.Describe(state),
    };
}
