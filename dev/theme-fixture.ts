// The theme a saved project carries: a full copy of the SPA's kakao preset plus edits (dozens of
// colour keys), as tests and benchmarks need it. One builder for both.
export function kakaoThemeCopy() {
  const colours = Object.fromEntries(
    Array.from({ length: 40 }, (_, i) => [`colour${i}`, `#${(i * 997).toString(16).padStart(6, "0")}`]),
  );
  return {
    id: "kakao",
    name: "카카오톡",
    canvasWidth: 1080,
    canvasHeight: 1350,
    backgroundType: "color",
    backgroundValue: "#b2c7d9",
    bubble: {
      me: { backgroundColor: "#fee500", textColor: "#000000", borderRadius: 16 },
      other: { backgroundColor: "#ffffff", textColor: "#000000", borderRadius: 16 },
      system: { backgroundColor: "#00000033", textColor: "#ffffff" },
    },
    ...colours,
  };
}
