namespace Orleans.Render.Grains.Uploads;

/// <summary>
/// The JSON body of a POST callback (camelCase): the token, which upload task, how it ended, and <c>msg</c>, the same
/// text a GET callback carries in its query (the destination's result, or the error).
/// </summary>
public sealed record CallbackBody(string Token, int Index, string Extension, string Status, string Msg);
