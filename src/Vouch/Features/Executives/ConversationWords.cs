using Microsoft.Extensions.Localization;
using Vouch.Features.Offers;
using Vouch.Resources;

namespace Vouch.Features.Executives;

/// <summary>The pages' words for a conversation's fields, in the reader's language.</summary>
public static class ConversationWords
{
    /// <summary>
    /// How it was held, as it reads in running text ("phone"). The keys are the capitalised words other pages show as
    /// labels, lowered as <see cref="OfferWords.MidSentence"/> does.
    /// </summary>
    public static string Channel(IStringLocalizer<Strings> text, string channel)
    {
        var word = channel switch
        {
            nameof(ConversationChannel.FaceToFace) => text["Face to face"],
            nameof(ConversationChannel.Phone) => text["Phone"],
            _ => text["Video call"],
        };
        return OfferWords.MidSentence(word);
    }

    /// <summary>How the customer feels, as a label ("Positive"); lowered, it reads in running text in every language.</summary>
    public static string Sentiment(IStringLocalizer<Strings> text, string sentiment) => sentiment switch
    {
        nameof(Executives.Sentiment.Positive) => text["Positive"],
        nameof(Executives.Sentiment.Neutral) => text["Neutral"],
        nameof(Executives.Sentiment.Negative) => text["Negative"],
        _ => sentiment,
    };
}
