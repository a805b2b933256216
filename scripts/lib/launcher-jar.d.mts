export function writeLauncherJar(target: string, classPathJar: string, mainClass: string): void;
