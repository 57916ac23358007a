namespace Orleans.Render.Rendering.Model;

/// <summary>
/// A point of a sound's volume curve: at <c>Time</c> seconds from the sound's start its level is multiplied by
/// <c>Volume</c>, moving to the next point's with <c>Easing</c>.
/// </summary>
public sealed record VolumePoint(double Time, double Volume, Easing Easing);
