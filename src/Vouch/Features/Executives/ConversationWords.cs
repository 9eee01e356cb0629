namespace Vouch.Features.Executives;

/// <summary>The pages' words for a conversation's fields.</summary>
public static class ConversationWords
{
    public static string Channel(string channel) => channel switch
    {
        nameof(ConversationChannel.FaceToFace) => "face to face",
        nameof(ConversationChannel.Phone) => "phone",
        _ => "video",
    };
}
