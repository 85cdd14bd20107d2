/**
 * Services that commissioners place (youth hubs, domestic abuse advocates, sexual violence
 * support), read from a services file, and the proposed ones a user places to try a scenario.
 */
import type { ThemeId } from './themes.ts';

export interface Service {
  /** The service's spreadsheet row in its file: unique within the file. */
  row: number;
  name: string;
  /** As the file spells it; spellings that differ only in case or spaces are made one. */
  type: string;
  longitude: number;
  latitude: number;
  /** Themes the service serves; empty when the file does not say. */
  themes: ThemeId[];
  notes: string;
}

/** A loaded services file: held in the store by reference and kept in the browser. */
export interface ServiceFile {
  fileName: string;
  loadedAt: string;
  services: Service[];
  /** The types of the file, sorted by name. */
  types: string[];
}

/** What the store knows of the loaded services. */
/** A service placed on the map or typed in to try a scenario; never kept. */
export interface ProposedService {
  /** 1, 2, 3...: how the page names it ("Proposed service 2"). */
  id: number;
  type: string;
  longitude: number;
  latitude: number;
}

/** Types compare ignoring case and runs of spaces: "Youth hub" and "youth  Hub" are one type. */
export function serviceTypeKey(type: string): string {
  return type.trim().replace(/\s+/g, ' ').toLowerCase();
}
