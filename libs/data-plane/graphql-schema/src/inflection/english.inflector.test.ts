import { describe, expect, it } from 'vitest';
import { englishPlural } from './english.inflector.ts';

describe('englishPlural (evo-inflector, anglicized)', () => {
  it.each([
    ['Post', 'Posts'],
    ['Category', 'Categories'],
    ['Day', 'Days'],
    ['Child', 'Children'],
    ['GrandChild', 'GrandChildren'],
    ['Mouse', 'Mice'],
    ['Louse', 'Lice'],
    ['Man', 'men'],
    ['Woman', 'Women'],
    ['Human', 'Humans'],
    ['Tooth', 'teeth'],
    ['Foot', 'feet'],
    ['Goose', 'geese'],
    ['Mongoose', 'Mongoose'],
    ['Quiz', 'Quizzes'],
    ['Datum', 'Data'],
    ['Criterion', 'Criteria'],
    ['Analysis', 'Analyses'],
    ['Leaf', 'Leaves'],
    ['Wife', 'Wives'],
    ['Chief', 'Chiefs'],
    ['Hero', 'Heroes'],
    ['Photo', 'Photos'],
    ['Radio', 'Radios'],
    ['Piano', 'Pianos'],
    ['Box', 'Boxes'],
    ['Church', 'Churches'],
    ['Status', 'Statuses'],
    ['Bus', 'Buses'],
    ['Alumnus', 'Alumni'],
    ['Address', 'Addresses'],
    ['Schema', 'Schemas'],
    ['Curriculum', 'Curricula'],
    ['Index', 'Indexes'],
    ['Octopus', 'Octopuses'],
  ])('%s → %s', (singular, plural) => {
    expect(englishPlural(singular)).toBe(plural);
  });

  it.each(['Fish', 'Sheep', 'News', 'Series', 'Species', 'Chassis', 'Sugar'])('leaves the uninflected %s unchanged', (word) => {
    expect(englishPlural(word)).toBe(word);
  });
});
