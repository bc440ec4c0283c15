import { describe, expect, it } from '@jest/globals';
import { detectEnglish } from './english.js';

describe('detectEnglish', () => {
  it.each([
    'I built a React dashboard with TypeScript for a logistics company, with charts and filters.',
    'I led the frontend team; we shipped the app in 3 months using Next.js and Tailwind.',
    'Sure, I worked on it.',
    "Ive been coding for a long time lol, mostly js stuff tbh",
    "He built loads of dashboards innit, proper React stuff with TypeScript, y'all know the colour schemes mate.",
    'Wagwan, I been doing React for time still, built nuff dashboards for clients dem.',
    "Y'all, I been fixin' to tell ya, I done built three React apps for a bank.",
    'Over the past six years I have designed and maintained data pipelines.',
  ])('accepts English, informal and dialectal English included: %s', (text) => {
    expect(detectEnglish(text).english).toBe(true);
  });

  it.each([
    ['Yes.'],
    ['Oui.'],
    ['Sí, claro.'],
    ['React, TypeScript, GraphQL, Node.js, PostgreSQL, AWS Lambda, Docker.'],
    ['5 yrs, AWS, CI/CD'],
  ])('does not judge answers too short to judge: %s', (text) => {
    expect(detectEnglish(text)).toEqual({ english: true, detected: 'und' });
  });

  it.each([
    ["J'ai construit un tableau de bord React avec TypeScript pour une entreprise de logistique, avec des graphiques et des filtres.", 'fra'],
    ["Oui, j'ai travaillé avec React pendant cinq ans.", 'fra'],
    ['Construí un panel de control con React y TypeScript para una empresa de logística, con gráficos y filtros.', 'spa'],
    ['Ich habe fünf Jahre lang mit React gearbeitet und viele Dashboards gebaut.', 'deu'],
    ['Eu trabalhei com React durante cinco anos em várias empresas.', 'por'],
    ['Ho lavorato con React per cinque anni in diverse aziende.', 'ita'],
  ])('refuses other languages: %s', (text, language) => {
    expect(detectEnglish(text)).toEqual({ english: false, detected: language });
  });

  it('refuses Spanish even when franc names a close relative', () => {
    expect(detectEnglish('Sí, trabajé con React durante cinco años en varias empresas.').english).toBe(false);
  });
});
