namespace Orleans.Render.Models;

/// <summary>
/// impossible.io's delivery modes that stream: <see cref="Get"/> renders as fast as the pool allows, ahead of the
/// viewer; <see cref="Play"/> renders what the viewer is about to need, a few pieces ahead.
/// </summary>
[GenerateSerializer, Alias("render.v1.StreamMode")]
public enum StreamMode
{
    Get,
    Play,
}
